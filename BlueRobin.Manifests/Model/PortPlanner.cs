using BlueRobin.Manifests.Aspire;

namespace BlueRobin.Manifests.Model;

/// <summary>Chooses the container port of every binding that runs in the cluster.</summary>
public static class PortPlanner
{
    /// <summary>The port .NET container images listen on for HTTP (ASPNETCORE_HTTP_PORTS).</summary>
    public const int ProjectHttpPort = 8080;

    public static IReadOnlyList<WorkloadPort> Plan(AspireResource resource)
    {
        var ports = new List<WorkloadPort>();
        var nextFree = ProjectHttpPort + 1;

        foreach (var (name, binding) in resource.Bindings)
        {
            // The mesh gives every call mTLS, so a project never needs Kestrel's own HTTPS port.
            if (resource.IsProject && binding.Scheme == "https")
            {
                continue;
            }

            var number = binding.TargetPort
                ?? (resource.IsProject && name == "http" ? ProjectHttpPort : (int?)null)
                ?? binding.Port
                ?? nextFree++;
            ports.Add(new WorkloadPort(name, number, binding.Scheme, ProtocolOf(binding)));
        }

        return ports;
    }

    public static bool IsDropped(AspireResource resource, string bindingName) =>
        resource.IsProject
        && resource.Bindings.TryGetValue(bindingName, out var binding)
        && binding.Scheme == "https";

    private static ProxyProtocol ProtocolOf(AspireBinding binding) => binding.Transport switch
    {
        "http2" => ProxyProtocol.Http2,
        "http" => ProxyProtocol.Http1,
        // Server-speaks-first protocols such as PostgreSQL's stall protocol detection.
        _ => ProxyProtocol.Opaque,
    };
}
