using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Kubernetes;
using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Linkerd;

/// <summary>
/// One Server per port that some caller may reach, and one authorization per Server naming
/// exactly the ServiceAccounts of the AppHost's references (plus the ingress controller for the
/// public routes). Ports nobody calls, such as health ports, get no Server: the namespace's
/// deny policy closes them, and Linkerd still admits the kubelet's httpGet probes.
/// </summary>
public static class PolicyBuilder
{
    public const string PolicyGroup = "policy.linkerd.io";

    public static IReadOnlyList<(string File, object Object)> Build(
        AppModel model, GenerateOptions options)
    {
        var objects = new List<(string, object)>();
        foreach (var (workload, port) in model.ServedPorts())
        {
            var serverName = $"{workload.Name}-{port.Name}";
            var callers = Callers(model, options, workload.Name, port.Name);

            objects.Add(($"{serverName}.yaml", new Server
            {
                Metadata = ObjectMeta.Named(serverName, options.Namespace, workload.Name),
                Spec = new ServerSpec
                {
                    PodSelector = new V1LabelSelector { MatchLabels = Labels.Selector(workload.Name) },
                    Port = port.Name,
                    ProxyProtocol = port.Protocol.ToLinkerd(),
                },
            }));

            objects.AddRange(options.PolicyStyle == PolicyStyle.AuthorizationPolicy
                ? ModernStyle(serverName, workload.Name, callers, options)
                : LegacyStyle(serverName, workload.Name, callers, options));
        }

        return objects;
    }

    private static List<ServiceAccountReference> Callers(
        AppModel model, GenerateOptions options, string workload, string port)
    {
        var callers = model.CallersOf(workload, port)
            .Select(caller => new ServiceAccountReference { Name = caller, Namespace = options.Namespace })
            .ToList();
        if (model.PublicRoutes.Any(route => route.Workload == workload && route.PortName == port))
        {
            callers.Add(new ServiceAccountReference
            {
                Name = options.IngressServiceAccount,
                Namespace = options.IngressNamespace,
            });
        }

        return callers;
    }

    private static IEnumerable<(string, object)> ModernStyle(
        string serverName, string workload, List<ServiceAccountReference> callers,
        GenerateOptions options)
    {
        var name = $"{serverName}-callers";
        yield return ($"{name}.meshtls.yaml", new MeshTlsAuthentication
        {
            Metadata = ObjectMeta.Named(name, options.Namespace, workload),
            Spec = new MeshTlsAuthenticationSpec
            {
                IdentityRefs = [.. callers.Select(caller => new PolicyReference
                {
                    Kind = "ServiceAccount",
                    Name = caller.Name,
                    Namespace = caller.Namespace,
                })],
            },
        });
        yield return ($"{name}.authorization.yaml", new AuthorizationPolicy
        {
            Metadata = ObjectMeta.Named(name, options.Namespace, workload),
            Spec = new AuthorizationPolicySpec
            {
                TargetRef = new PolicyReference { Group = PolicyGroup, Kind = "Server", Name = serverName },
                RequiredAuthenticationRefs =
                [
                    new PolicyReference { Group = PolicyGroup, Kind = "MeshTLSAuthentication", Name = name },
                ],
            },
        });
    }

    private static IEnumerable<(string, object)> LegacyStyle(
        string serverName, string workload, List<ServiceAccountReference> callers,
        GenerateOptions options)
    {
        var name = $"{serverName}-callers";
        yield return ($"{name}.authorization.yaml", new ServerAuthorization
        {
            Metadata = ObjectMeta.Named(name, options.Namespace, workload),
            Spec = new ServerAuthorizationSpec
            {
                Server = new ServerReference { Name = serverName },
                Client = new AuthorizedClient { MeshTLS = new MeshTls { ServiceAccounts = callers } },
            },
        });
    }
}
