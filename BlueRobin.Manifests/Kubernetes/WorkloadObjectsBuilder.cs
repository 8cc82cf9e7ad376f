using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>
/// Per workload: its own ServiceAccount (its Linkerd identity), a Service, and a Deployment, or
/// a StatefulSet with volume claims for containers that keep state.
/// </summary>
public static class WorkloadObjectsBuilder
{
    public static WorkloadFolder Build(Workload workload, AppModel model, GenerateOptions options)
    {
        var ns = options.Namespace;
        var bindMounts = StorageBuilder.BindMountConfigMaps(workload, model.ManifestDirectory);
        var config = new ConfigMapSource(
            ContainerBuilder.ConfigName(workload), EnvironmentBuilder.ConfigValues(workload),
            [], null);

        var serviceAccount = new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = ObjectMeta.Named(workload.Name, ns, workload.Name),
            // The proxy gets its identity token from a projected volume; the app needs none.
            AutomountServiceAccountToken = false,
        };

        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = ObjectMeta.Named(workload.Name, ns, workload.Name),
            Spec = new V1ServiceSpec
            {
                Selector = Labels.Selector(workload.Name),
                Ports = [.. workload.Ports.Select(port => new V1ServicePort
                {
                    Name = port.Name,
                    Port = port.Number,
                    TargetPort = port.Name,
                    Protocol = "TCP",
                })],
            },
        };

        object controller = workload.IsStateful
            ? StatefulSet(workload, options, bindMounts)
            : Deployment(workload, options, bindMounts);
        var controllerFile = workload.IsStateful ? "statefulset.yaml" : "deployment.yaml";

        return new WorkloadFolder(
            workload.Name,
            [("service-account.yaml", serviceAccount), ("service.yaml", service),
                (controllerFile, controller)],
            [config, .. bindMounts]);
    }

    private static V1Deployment Deployment(
        Workload workload, GenerateOptions options, IReadOnlyList<ConfigMapSource> bindMounts) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = ObjectMeta.Named(workload.Name, options.Namespace, workload.Name),
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = Labels.Selector(workload.Name) },
            Template = PodTemplate(workload, options, bindMounts, claims: []),
        },
    };

    private static V1StatefulSet StatefulSet(
        Workload workload, GenerateOptions options, IReadOnlyList<ConfigMapSource> bindMounts)
    {
        var claims = StorageBuilder.Claims(workload);
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = ObjectMeta.Named(workload.Name, options.Namespace, workload.Name),
            Spec = new V1StatefulSetSpec
            {
                Replicas = 1,
                ServiceName = workload.Name,
                Selector = new V1LabelSelector { MatchLabels = Labels.Selector(workload.Name) },
                Template = PodTemplate(workload, options, bindMounts, claims),
                VolumeClaimTemplates = claims.Count == 0
                    ? null
                    : [.. claims.Select(claim => StorageBuilder.ClaimTemplate(workload, claim.Claim))],
            },
        };
    }

    private static V1PodTemplateSpec PodTemplate(
        Workload workload, GenerateOptions options, IReadOnlyList<ConfigMapSource> bindMounts,
        IReadOnlyList<(string Claim, string Target)> claims)
    {
        var mounts = claims
            .Select(claim => new V1VolumeMount { Name = claim.Claim, MountPath = claim.Target })
            .Concat(workload.BindMounts.Select(mount => new V1VolumeMount
            {
                Name = StorageBuilder.BindMountName(workload, mount.Target),
                MountPath = mount.Target,
                ReadOnlyProperty = mount.ReadOnly,
            }))
            .Concat(SecurityProfile.WritableMounts(workload))
            .ToList();
        var volumes = bindMounts.Select(configMap => new V1Volume
        {
            Name = configMap.Name,
            ConfigMap = new V1ConfigMapVolumeSource { Name = configMap.Name },
        }).Concat(SecurityProfile.WritableVolumes(workload)).ToList();

        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta
            {
                Labels = Labels.For(workload.Name),
                Annotations = new Dictionary<string, string>
                {
                    [LinkerdAnnotations.Inject] = "enabled",
                    [LinkerdAnnotations.DefaultInboundPolicy] = options.DefaultInboundPolicy,
                },
            },
            Spec = new V1PodSpec
            {
                ServiceAccountName = workload.Name,
                AutomountServiceAccountToken = false,
                SecurityContext = SecurityProfile.Pod(workload),
                Containers = [ContainerBuilder.Build(workload, options, mounts)],
                Volumes = volumes.Count == 0 ? null : volumes,
            },
        };
    }
}
