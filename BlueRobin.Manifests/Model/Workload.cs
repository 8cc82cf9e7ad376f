using BlueRobin.Manifests.Aspire;

namespace BlueRobin.Manifests.Model;

/// <summary>A project or container of the AppHost, as it will run in the cluster.</summary>
public sealed record Workload(
    string Name,
    bool IsProject,
    string? Image,
    IReadOnlyList<WorkloadPort> Ports,
    IReadOnlyList<KeyValuePair<string, ResolvedValue>> Env,
    IReadOnlyList<string> Args,
    IReadOnlyList<AspireVolume> Volumes,
    IReadOnlyList<AspireBindMount> BindMounts)
{
    /// <summary>Containers keep state (databases, the identity provider), so they get a claim.</summary>
    public bool IsStateful => !IsProject;

    public WorkloadPort Port(string name) =>
        Ports.FirstOrDefault(port => port.Name == name)
        ?? throw new InvalidOperationException($"Workload '{Name}' has no port named '{name}'.");
}
