using BlueRobin.Manifests;
using BlueRobin.Manifests.Aspire;
using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Output;

GenerateOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (!options.NonInteractive && Directory.Exists(options.OutputPath) && !Console.IsInputRedirected)
{
    Console.Write($"Replace the generated files under '{options.OutputPath}'? [y/N] ");
    if (Console.ReadLine()?.Trim().ToLowerInvariant() is not ("y" or "yes"))
    {
        Console.Error.WriteLine("Nothing written.");
        return 1;
    }
}

var manifestPath = options.AspireManifestPath;
if (manifestPath is null)
{
    var scratch = Path.Combine(Path.GetTempPath(), $"bluerobin-manifests-{Guid.NewGuid():N}");
    Console.WriteLine($"Publishing the AppHost's manifest ({options.AppHostProject})...");
    manifestPath = await AppHostPublisher.PublishAsync(
        options.AppHostProject, scratch, CancellationToken.None);
}

var model = ManifestGenerator.Generate(AspireManifestReader.Read(manifestPath), options);
ParametersFile.EnsureLocalValues(
    Path.Combine(options.OutputPath, KustomizeWriter.LocalOverlay, ParametersFile.FileName),
    model.Secrets);

Console.WriteLine(
    $"Wrote {model.Workloads.Count} workloads and {model.Edges.Count} edges to {options.OutputPath}.");
return 0;
