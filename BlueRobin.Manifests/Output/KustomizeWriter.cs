using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Kubernetes;
using BlueRobin.Manifests.Model;

namespace BlueRobin.Manifests.Output;

/// <summary>
/// Lays the objects out as Kustomize folders: <c>base/</c> (one folder per workload, plus
/// linkerd/, network-policies/ and ingress/) and <c>overlays/local/</c>.
/// </summary>
public sealed class KustomizeWriter(string root, GenerateOptions options)
{
    public const string LocalOverlay = "overlays/local";

    public void WriteBase(
        object ns,
        IReadOnlyList<WorkloadFolder> workloads,
        IReadOnlyList<(string Folder, IReadOnlyList<(string File, object Object)> Objects)> groups)
    {
        var basePath = Path.Combine(root, "base");
        if (Directory.Exists(basePath))
        {
            Directory.Delete(basePath, recursive: true);
        }

        WriteObject(Path.Combine(basePath, "namespace.yaml"), ns);
        foreach (var workload in workloads)
        {
            WriteWorkload(Path.Combine(basePath, workload.Name), workload);
        }

        foreach (var (folder, objects) in groups)
        {
            WriteGroup(Path.Combine(basePath, folder), objects);
        }

        WriteKustomization(basePath, new Kustomization
        {
            Resources =
            [
                "namespace.yaml",
                .. workloads.Select(workload => workload.Name),
                .. groups.Select(group => group.Folder),
            ],
        });
    }

    public void WriteLocalOverlay(AppModel model)
    {
        var overlay = Path.Combine(root, LocalOverlay);
        WriteKustomization(overlay, new Kustomization
        {
            Resources = ["../../base"],
            SecretGenerator = model.Secrets.Count == 0 ? null :
            [
                new Generator
                {
                    Name = EnvironmentBuilder.ParametersSecret,
                    Namespace = options.Namespace,
                    Envs = [ParametersFile.FileName],
                },
            ],
        });
        YamlOutput.Write(
            Path.Combine(overlay, ParametersFile.ExampleFileName), ParametersFile.Example(model.Secrets));
        YamlOutput.Write(Path.Combine(overlay, ".gitignore"), $"{ParametersFile.FileName}\n");
    }

    private void WriteWorkload(string folder, WorkloadFolder workload)
    {
        foreach (var (file, value) in workload.Objects)
        {
            WriteObject(Path.Combine(folder, file), value);
        }

        var generators = new List<Generator>();
        foreach (var configMap in workload.ConfigMaps)
        {
            if (configMap.FilesFolder is null)
            {
                var envFile = $"{configMap.Name}.env";
                YamlOutput.Write(Path.Combine(folder, envFile), string.Concat(
                    configMap.EnvValues.Select(pair => $"{pair.Key}={pair.Value}\n")));
                generators.Add(Generator(configMap.Name, envs: [envFile], files: null));
                continue;
            }

            var files = new List<string>();
            foreach (var (fileName, content) in configMap.Files)
            {
                var relative = $"{configMap.FilesFolder}/{fileName}";
                Directory.CreateDirectory(Path.Combine(folder, configMap.FilesFolder));
                File.WriteAllBytes(Path.Combine(folder, relative), content);
                files.Add(relative);
            }

            generators.Add(Generator(configMap.Name, envs: null, files: files));
        }

        WriteKustomization(folder, new Kustomization
        {
            Resources = [.. workload.Objects.Select(pair => pair.File)],
            ConfigMapGenerator = generators,
        });
    }

    private void WriteGroup(string folder, IReadOnlyList<(string File, object Object)> objects)
    {
        foreach (var (file, value) in objects)
        {
            WriteObject(Path.Combine(folder, file), value);
        }

        WriteKustomization(folder, new Kustomization
        {
            Resources = [.. objects.Select(pair => pair.File)],
        });
    }

    private Generator Generator(string name, IList<string>? envs, IList<string>? files) =>
        new() { Name = name, Namespace = options.Namespace, Envs = envs, Files = files };

    private static void WriteKustomization(string folder, Kustomization kustomization) =>
        YamlOutput.Write(
            Path.Combine(folder, "kustomization.yaml"),
            YamlOutput.GeneratedHeader + YamlOutput.Serialize(kustomization));

    private static void WriteObject(string path, object value) =>
        YamlOutput.Write(path, YamlOutput.GeneratedHeader + YamlOutput.Serialize(value));
}
