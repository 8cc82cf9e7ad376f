using System.Net.Http.Headers;

namespace Archives.Api.Tests.Infrastructure;

/// <summary>
/// Upload bodies: the real scans in the repository's shared test data, and a few synthetic
/// files where only the first bytes matter.
/// </summary>
public static class Samples
{
    public static string DataDirectory { get; } = FindDataDirectory();

    public static byte[] Read(string fileName) =>
        File.ReadAllBytes(Path.Combine(DataDirectory, fileName));

    /// <summary>A JPEG start-of-image marker followed by filler.</summary>
    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[64]];

    /// <summary>A big-endian (Motorola) TIFF header followed by filler.</summary>
    public static byte[] BigEndianTiff() => [(byte)'M', (byte)'M', 0x00, 0x2A, .. new byte[64]];

    /// <summary>A PNG signature and filler, <paramref name="length"/> bytes in all.</summary>
    public static byte[] PngOfLength(long length)
    {
        var content = new byte[length];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(content, 0);
        return content;
    }

    public static MultipartFormDataContent Form(
        byte[] content, string fileName, string declaredType, string field = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static string FindDataDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null
            && !File.Exists(Path.Combine(directory.FullName, "BlueRobin.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("No BlueRobin.sln above the test binaries.")
            : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
    }
}
