using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>
/// Liveness and readiness probes. They are httpGet or exec on purpose: Linkerd authorizes httpGet
/// probes itself under a deny policy, and exec probes never cross the proxy, while a tcpSocket
/// probe would be refused like any unauthenticated caller.
/// </summary>
public static class ProbeCatalog
{
    public const string HealthPortName = "health";
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";

    public static (V1Probe? Liveness, V1Probe? Readiness) For(Workload workload)
    {
        if (workload.IsProject)
        {
            var port = workload.Ports.Any(candidate => candidate.Name == HealthPortName)
                ? HealthPortName
                : "http";
            return (Http(LivenessPath, port), Http(ReadinessPath, port));
        }

        var image = workload.Image ?? "";
        if (image.Contains("keycloak", StringComparison.Ordinal))
        {
            return (Http("/health/live", "management"), Http("/health/ready", "management"));
        }

        if (image.Contains("postgres", StringComparison.Ordinal))
        {
            var ready = Exec("pg_isready", "--host=127.0.0.1", "--username=postgres");
            return (Exec("pg_isready", "--host=127.0.0.1"), ready);
        }

        // TODO: probes for other images need knowledge of each image's health endpoint.
        return (null, null);
    }

    private static V1Probe Http(string path, string port) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        PeriodSeconds = 10,
        FailureThreshold = 3,
    };

    private static V1Probe Exec(params string[] command) => new()
    {
        Exec = new V1ExecAction { Command = command },
        PeriodSeconds = 10,
        FailureThreshold = 3,
    };
}
