using BlueRobin.Manifests.Cli;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

public static class NamespaceBuilder
{
    public static V1Namespace Build(GenerateOptions options) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = options.Namespace,
            Labels = new Dictionary<string, string> { [Labels.PartOf] = Labels.App },
            Annotations = new Dictionary<string, string>
            {
                [LinkerdAnnotations.Inject] = "enabled",
                [LinkerdAnnotations.DefaultInboundPolicy] = options.DefaultInboundPolicy,
            },
        },
    };
}
