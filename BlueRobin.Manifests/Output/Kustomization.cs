namespace BlueRobin.Manifests.Output;

/// <summary>The fields of kustomization.yaml that BlueRobin writes.</summary>
public sealed class Kustomization
{
    public string ApiVersion { get; init; } = "kustomize.config.k8s.io/v1beta1";
    public string Kind { get; init; } = "Kustomization";
    public IList<string>? Resources { get; init; }
    public IList<Generator>? ConfigMapGenerator { get; init; }
    public IList<Generator>? SecretGenerator { get; init; }
    public IList<ImageOverride>? Images { get; init; }
}

public sealed class Generator
{
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public IList<string>? Envs { get; init; }
    public IList<string>? Files { get; init; }
}

public sealed class ImageOverride
{
    public required string Name { get; init; }
    public string? NewName { get; init; }
    public string? NewTag { get; init; }
}
