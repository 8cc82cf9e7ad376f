using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

public static class ContainerBuilder
{
    public static V1Container Build(
        Workload workload, GenerateOptions options, IReadOnlyList<V1VolumeMount> mounts)
    {
        var (liveness, readiness) = ProbeCatalog.For(workload);
        var secretEnv = EnvironmentBuilder.SecretValues(workload);

        return new V1Container
        {
            Name = workload.Name,
            Image = workload.IsProject ? options.ImageFor(workload.Name) : workload.Image,
            ImagePullPolicy = "IfNotPresent",
            Args = workload.Args.Count == 0 ? null : [.. workload.Args],
            Ports = [.. workload.Ports.Select(port => new V1ContainerPort
            {
                Name = port.Name,
                ContainerPort = port.Number,
                Protocol = "TCP",
            })],
            EnvFrom =
            [
                new V1EnvFromSource
                {
                    ConfigMapRef = new V1ConfigMapEnvSource { Name = ConfigName(workload) },
                },
            ],
            Env = secretEnv.Count == 0 ? null : secretEnv,
            LivenessProbe = liveness,
            ReadinessProbe = readiness,
            Resources = ResourceProfile.For(workload),
            SecurityContext = SecurityProfile.Container(workload),
            VolumeMounts = mounts.Count == 0 ? null : [.. mounts],
        };
    }

    public static string ConfigName(Workload workload) => $"{workload.Name}-config";
}
