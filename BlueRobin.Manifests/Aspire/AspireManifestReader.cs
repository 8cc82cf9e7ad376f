using System.Text.Json;

namespace BlueRobin.Manifests.Aspire;

public static class AspireManifestReader
{
    public static AspireManifest Read(string path)
    {
        var json = File.ReadAllText(path);
        var manifest = JsonSerializer.Deserialize<AspireManifest>(json)
            ?? throw new InvalidDataException($"'{path}' holds no Aspire manifest.");

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        return manifest with { BaseDirectory = directory };
    }
}
