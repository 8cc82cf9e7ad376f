namespace Ocr.Worker.Ocr;

/// <summary>An external program the worker runs, and the Debian package that brings it.</summary>
public sealed record OcrTool(string Name, string DebianPackage)
{
    public static readonly OcrTool Tesseract = new("tesseract", "tesseract-ocr");
    public static readonly OcrTool PdfInfo = new("pdfinfo", "poppler-utils");
    public static readonly OcrTool PdfImages = new("pdfimages", "poppler-utils");
    public static readonly OcrTool PdfToPpm = new("pdftoppm", "poppler-utils");

    public static IReadOnlyList<OcrTool> All { get; } = [Tesseract, PdfInfo, PdfImages, PdfToPpm];

    /// <summary>
    /// The program's path: inside <paramref name="toolsPath"/> when one is configured, else the
    /// first match on the PATH; null when it is nowhere.
    /// </summary>
    public string? Locate(string? toolsPath)
    {
        var directories = string.IsNullOrEmpty(toolsPath)
            ? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            : [toolsPath];

        return directories
            .Where(directory => directory.Length > 0)
            .Select(directory => Path.Combine(directory, Name))
            .FirstOrDefault(File.Exists);
    }

    public string MissingReason =>
        $"{Name} is not installed on the OCR worker (Debian package {DebianPackage}).";
}
