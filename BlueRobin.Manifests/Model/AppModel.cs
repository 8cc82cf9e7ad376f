namespace BlueRobin.Manifests.Model;

/// <summary>Everything the Kubernetes builders need, derived from the Aspire manifest.</summary>
public sealed record AppModel(
    IReadOnlyList<Workload> Workloads,
    IReadOnlyList<Edge> Edges,
    IReadOnlyList<PublicRoute> PublicRoutes,
    IReadOnlyList<SecretParameter> Secrets,
    string ManifestDirectory)
{
    public Workload Workload(string name) =>
        Workloads.FirstOrDefault(workload => workload.Name == name)
        ?? throw new InvalidOperationException($"No workload named '{name}'.");

    /// <summary>The ports some caller may reach; each gets a Linkerd Server.</summary>
    public IEnumerable<(Workload Workload, WorkloadPort Port)> ServedPorts() =>
        from workload in Workloads
        from port in workload.Ports
        where CallersOf(workload.Name, port.Name).Any()
            || PublicRoutes.Any(route => route.Workload == workload.Name && route.PortName == port.Name)
        select (workload, port);

    public IEnumerable<string> CallersOf(string callee, string portName) =>
        Edges.Where(edge => edge.Callee == callee && edge.PortName == portName)
            .Select(edge => edge.Caller)
            .Distinct()
            .Order(StringComparer.Ordinal);
}
