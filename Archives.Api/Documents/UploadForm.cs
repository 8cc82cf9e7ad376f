using Archives.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Archives.Api.Documents;

/// <summary>The file of a multipart upload, read whole into memory within the size cap.</summary>
internal sealed record UploadedFile(string FileName, byte[] Content);

internal sealed record UploadReadResult(UploadedFile? File, ProblemHttpResult? Problem);

internal static class UploadForm
{
    public const string FileField = "file";

    // Room for the multipart boundaries and part headers around the file itself.
    private const long MultipartOverheadBytes = 64 * 1024;
    private const int MaxFileNameLength = 255;
    private const string FallbackFileName = "document";

    public static async Task<UploadReadResult> ReadAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsMultipartForm(request))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType,
                "Send the document as multipart/form-data with the file in the field "
                + $"'{FileField}'.");
        }

        var bodyLimit = maxBytes + MultipartOverheadBytes;
        if (request.ContentLength > bodyLimit)
        {
            return TooLarge(maxBytes);
        }

        // Stops a chunked upload (no Content-Length) at the same size, before it is buffered.
        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = bodyLimit;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException exception)
            when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (InvalidDataException exception)
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"The multipart body could not be read: {exception.Message}");
        }
        catch (IOException)
        {
            // The body ended before its closing boundary: cut short by the client.
            return Fail(StatusCodes.Status400BadRequest,
                "The multipart body ended before its closing boundary.");
        }

        var file = form.Files.GetFile(FileField);
        if (file is null)
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"The form has no file in the field '{FileField}'.");
        }

        if (file.Length == 0)
        {
            return Fail(StatusCodes.Status400BadRequest,
                $"The file in the field '{FileField}' is empty.");
        }

        if (file.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        return new UploadReadResult(new UploadedFile(SafeFileName(file.FileName), content), null);
    }

    private static bool IsMultipartForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    // The name is only a label for the owner: no path, no control characters, bounded length.
    private static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? "").Trim();
        name = new string(name.Select(c => char.IsControl(c) ? '_' : c).ToArray());
        if (name.Length > MaxFileNameLength)
        {
            name = name[..MaxFileNameLength];
        }

        return name.Length == 0 ? FallbackFileName : name;
    }

    private static UploadReadResult TooLarge(long maxBytes) =>
        Fail(StatusCodes.Status413PayloadTooLarge,
            $"The upload is larger than the {maxBytes} bytes a document may have.");

    private static UploadReadResult Fail(int statusCode, string detail) =>
        new(null, ProblemResponses.Problem(statusCode, detail));
}
