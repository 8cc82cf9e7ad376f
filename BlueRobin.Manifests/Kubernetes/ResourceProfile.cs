using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>Resource requests (and a memory limit) by kind of workload.</summary>
public static class ResourceProfile
{
    public static V1ResourceRequirements For(Workload workload)
    {
        var image = workload.Image ?? "";
        var (cpu, memory, limit) = image switch
        {
            _ when workload.IsProject => ("100m", "256Mi", "512Mi"),
            _ when image.Contains("keycloak", StringComparison.Ordinal) => ("500m", "768Mi", "1536Mi"),
            _ when image.Contains("postgres", StringComparison.Ordinal) => ("250m", "512Mi", "1Gi"),
            _ => ("100m", "128Mi", "256Mi"),
        };

        return new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity>
            {
                ["cpu"] = new(cpu),
                ["memory"] = new(memory),
            },
            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(limit) },
        };
    }

    public static string StorageFor(Workload workload) =>
        (workload.Image ?? "").Contains("postgres", StringComparison.Ordinal) ? "5Gi" : "1Gi";
}
