using BlueRobin.Manifests.Aspire;
using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Kubernetes;
using BlueRobin.Manifests.Linkerd;
using BlueRobin.Manifests.Model;
using BlueRobin.Manifests.Output;

namespace BlueRobin.Manifests;

/// <summary>From an Aspire manifest to the Kustomize tree under the output path.</summary>
public static class ManifestGenerator
{
    public static AppModel Generate(AspireManifest manifest, GenerateOptions options)
    {
        var model = PublicIssuer.Apply(ModelBuilder.Build(manifest), options);
        var writer = new KustomizeWriter(options.OutputPath, options);

        var workloads = model.Workloads
            .Select(workload => WorkloadObjectsBuilder.Build(workload, model, options))
            .ToList();
        writer.WriteBase(
            NamespaceBuilder.Build(options),
            workloads,
            [
                ("linkerd", PolicyBuilder.Build(model, options)),
                ("network-policies", NetworkPolicyBuilder.Build(model, options)),
                ("ingress", IngressBuilder.Build(model, options)),
            ]);
        writer.WriteLocalOverlay(model);

        return model;
    }
}
