using System.Net.Http.Json;
using BlueRobin;
using BlueRobin.Documents;
using Polly;

namespace Archives.Api.Ocr;

/// <summary>
/// Hands documents to Ocr.Worker. The HttpClient forwards the signed-in user's token, so the
/// worker acts for the user and checks the document's owner itself.
/// </summary>
public sealed class OcrWorkerClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new($"https+http://{ResourceNames.OcrWorker}");

    public async Task<OcrSubmission> SubmitAsync(
        Guid documentId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(
                OcrWorkerRoutes.Jobs, new OcrJobRequest(documentId), cancellationToken);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => OcrSubmission.Accepted,
                >= 500 => OcrSubmission.Unreachable($"it answered {status} after retries"),
                _ => OcrSubmission.Refused(status),
            };
        }
        catch (HttpRequestException exception)
        {
            return OcrSubmission.Unreachable(exception.Message);
        }
        catch (ExecutionRejectedException exception)
        {
            // The resilience pipeline gave up: total timeout or an open circuit.
            return OcrSubmission.Unreachable(exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OcrSubmission.Unreachable("the call timed out");
        }
    }
}
