using BlueRobin.Manifests.Aspire;

namespace BlueRobin.Manifests.Model;

/// <summary>Turns the Aspire manifest into workloads, their ports, and the allowed edges.</summary>
public static class ModelBuilder
{
    public static AppModel Build(AspireManifest manifest)
    {
        var runnable = manifest.Resources
            .Where(pair => pair.Value.IsProject || pair.Value.IsContainer)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        RejectExecutables(manifest);

        var ports = runnable.ToDictionary(
            pair => pair.Key, pair => PortPlanner.Plan(pair.Value));
        var resolver = new ExpressionResolver(manifest, ports);

        var workloads = new List<Workload>();
        var edges = new SortedSet<Edge>(EdgeOrder.Instance);
        foreach (var (name, resource) in runnable)
        {
            var references = new HashSet<(string Workload, string Port)>();
            workloads.Add(BuildWorkload(name, resource, ports[name], resolver, references));

            foreach (var (callee, port) in references.Where(reference => reference.Workload != name))
            {
                edges.Add(new Edge(name, callee, port));
            }
        }

        AdmittedCallers.Verify(workloads, edges);

        var secrets = resolver.Secrets.OrderBy(secret => secret.Key, StringComparer.Ordinal);
        return new AppModel(
            workloads, [.. edges], PublicRoutes.For(workloads), [.. secrets],
            manifest.BaseDirectory);
    }

    private static Workload BuildWorkload(
        string name, AspireResource resource, IReadOnlyList<WorkloadPort> ports,
        ExpressionResolver resolver, ISet<(string Workload, string Port)> references)
    {
        var env = new List<KeyValuePair<string, ResolvedValue>>();
        foreach (var (key, text) in resource.Env.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (resolver.Resolve(text, references) is { } value)
            {
                env.Add(new(key, value));
            }
        }

        var args = resource.Args
            .Select(arg => resolver.Resolve(arg, references)?.Literal
                ?? throw new InvalidDataException(
                    $"An argument of '{name}' holds a secret; pass secrets through env instead."))
            .ToList();

        return new Workload(
            name, resource.IsProject, resource.Image, ports, env, args,
            resource.Volumes, resource.BindMounts);
    }

    private static void RejectExecutables(AspireManifest manifest)
    {
        var executable = manifest.Resources.FirstOrDefault(
            pair => pair.Value.Type.StartsWith("executable.", StringComparison.Ordinal));
        if (executable.Key is not null)
        {
            throw new InvalidDataException(
                $"'{executable.Key}' is a machine-local executable; in publish mode the AppHost "
                + "must describe it as a container or project.");
        }
    }

    private sealed class EdgeOrder : IComparer<Edge>
    {
        public static readonly EdgeOrder Instance = new();

        public int Compare(Edge? x, Edge? y) => string.CompareOrdinal(Key(x), Key(y));

        private static string Key(Edge? edge) =>
            edge is null ? "" : $"{edge.Callee}\n{edge.PortName}\n{edge.Caller}";
    }
}
