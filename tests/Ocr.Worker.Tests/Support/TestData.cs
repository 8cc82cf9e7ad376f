using BlueRobin.Testing;

namespace Ocr.Worker.Tests.Support;

/// <summary>The shared real documents beside the repository, as bytes or text.</summary>
internal static class TestData
{
    public static string PathOf(string fileName) => SharedData.PathOf(fileName);

    public static byte[] Read(string fileName) => File.ReadAllBytes(PathOf(fileName));

    public static string ReadText(string fileName) => File.ReadAllText(PathOf(fileName));
}
