using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BlueRobin.Documents;
using BlueRobin.Testing;

namespace BlueRobin.AppHost.Tests;

/// <summary>Uploads through Archives.Api and waits for the worker's verdict.</summary>
public static class ArchivedDocuments
{
    /// <summary>How long OCR of one real page may take on a 2-core machine, generously.</summary>
    public static readonly TimeSpan OcrTimeout = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient archivesApi, string sharedDataFile, string contentType)
    {
        var bytes = await File.ReadAllBytesAsync(SharedData.PathOf(sharedDataFile));
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var form = new MultipartFormDataContent { { file, "file", sharedDataFile } };
        return await archivesApi.PostAsync("/documents", form);
    }

    /// <summary>Uploads a file and returns the document once it reached a final state.</summary>
    public static async Task<JsonElement> UploadAndWaitAsync(
        HttpClient archivesApi, string sharedDataFile, string contentType)
    {
        using var response = await UploadAsync(archivesApi, sharedDataFile, contentType);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location
            ?? throw new InvalidOperationException("202 without a Location header.");

        return await WaitForFinalStateAsync(archivesApi, location);
    }

    public static async Task<JsonElement> WaitForFinalStateAsync(
        HttpClient archivesApi, Uri location)
    {
        using var timeout = new CancellationTokenSource(OcrTimeout);
        while (true)
        {
            var document = await archivesApi.GetFromJsonAsync<JsonElement>(location, timeout.Token);
            var status = document.GetProperty("status").GetString();
            if (status is DocumentStatus.Done or DocumentStatus.Failed)
            {
                return document;
            }

            await Task.Delay(PollInterval, timeout.Token);
        }
    }
}
