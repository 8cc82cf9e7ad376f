namespace BlueRobin.Manifests.Kubernetes;

/// <summary>One Kustomize folder of the base: plain objects plus generated ConfigMaps.</summary>
public sealed record WorkloadFolder(
    string Name,
    IReadOnlyList<(string File, object Object)> Objects,
    IReadOnlyList<ConfigMapSource> ConfigMaps);

/// <summary>
/// A ConfigMap that Kustomize generates (so a change rolls the pods): either an env file or a
/// set of files copied next to the kustomization.
/// </summary>
public sealed record ConfigMapSource(
    string Name,
    IReadOnlyList<KeyValuePair<string, string>> EnvValues,
    IReadOnlyList<(string FileName, byte[] Content)> Files,
    string? FilesFolder);
