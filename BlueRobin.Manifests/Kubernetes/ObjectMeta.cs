using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

public static class ObjectMeta
{
    public static V1ObjectMeta Named(string name, string ns, string? workload = null) => new()
    {
        Name = name,
        NamespaceProperty = ns,
        Labels = workload is null
            ? new Dictionary<string, string> { [Labels.PartOf] = Labels.App }
            : Labels.For(workload),
    };
}
