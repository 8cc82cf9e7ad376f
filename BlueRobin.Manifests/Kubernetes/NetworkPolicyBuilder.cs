using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>
/// The second layer under the mesh: everything in the namespace is denied in and out, then DNS,
/// the Linkerd control plane, the allowed edges and the ingress paths are opened. An edge opens
/// the callee's port and the proxy's inbound port 4143, which is where meshed connections land
/// (opaque and multiplexed traffic is addressed to 4143 directly).
/// </summary>
public static class NetworkPolicyBuilder
{
    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    public static IReadOnlyList<(string File, object Object)> Build(
        AppModel model, GenerateOptions options)
    {
        var ns = options.Namespace;
        var objects = new List<(string, object)>
        {
            ("default-deny.yaml", Policy("default-deny", ns, new V1LabelSelector(), [], [])),
            ("allow-dns.yaml", Policy("allow-dns", ns, new V1LabelSelector(), [], [Dns()])),
            ("allow-linkerd-control-plane.yaml", Policy(
                "allow-linkerd-control-plane", ns, new V1LabelSelector(), [], [ControlPlane()])),
            ("allow-linkerd-viz-scrape.yaml", Policy(
                "allow-linkerd-viz-scrape", ns, new V1LabelSelector(), [VizScrape()], [])),
        };

        foreach (var workload in model.Workloads)
        {
            var ingress = IngressRules(model, options, workload);
            var egress = model.Edges.Where(edge => edge.Caller == workload.Name)
                .Select(edge => To(
                    PodPeer(edge.Callee), model.Workload(edge.Callee).Port(edge.PortName).Number))
                .ToList();
            if (ingress.Count == 0 && egress.Count == 0)
            {
                continue;
            }

            var name = $"{workload.Name}-edges";
            objects.Add(($"{name}.yaml", Policy(
                name, ns, new V1LabelSelector { MatchLabels = Labels.Selector(workload.Name) },
                ingress, egress)));
        }

        return objects;
    }

    private static List<V1NetworkPolicyIngressRule> IngressRules(
        AppModel model, GenerateOptions options, Workload workload)
    {
        var rules = model.Edges.Where(edge => edge.Callee == workload.Name)
            .Select(edge => From(
                PodPeer(edge.Caller), workload.Port(edge.PortName).Number))
            .ToList();
        foreach (var route in model.PublicRoutes.Where(route => route.Workload == workload.Name))
        {
            var peer = new V1NetworkPolicyPeer
            {
                NamespaceSelector = NamespaceNamed(options.IngressNamespace),
                PodSelector = new V1LabelSelector
                {
                    MatchLabels = new Dictionary<string, string>
                    {
                        [Labels.Name] = options.IngressServiceAccount,
                    },
                },
            };
            rules.Add(From(peer, workload.Port(route.PortName).Number));
        }

        return rules;
    }

    private static V1NetworkPolicyIngressRule From(V1NetworkPolicyPeer peer, int port) =>
        new() { FromProperty = [peer], Ports = EdgePorts(port) };

    private static V1NetworkPolicyEgressRule To(V1NetworkPolicyPeer peer, int port) =>
        new() { To = [peer], Ports = EdgePorts(port) };

    private static List<V1NetworkPolicyPort> EdgePorts(int port) =>
        [Tcp(port), Tcp(LinkerdAnnotations.ProxyInboundPort)];

    private static V1NetworkPolicyEgressRule Dns() => new()
    {
        To =
        [
            new V1NetworkPolicyPeer
            {
                NamespaceSelector = NamespaceNamed("kube-system"),
                PodSelector = new V1LabelSelector
                {
                    MatchLabels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" },
                },
            },
        ],
        Ports = [new() { Protocol = "UDP", Port = 53 }, new() { Protocol = "TCP", Port = 53 }],
    };

    private static V1NetworkPolicyEgressRule ControlPlane() => new()
    {
        To =
        [
            new V1NetworkPolicyPeer
            {
                NamespaceSelector = NamespaceNamed(LinkerdAnnotations.ControlPlaneNamespace),
            },
        ],
        Ports = [.. LinkerdAnnotations.ControlPlanePorts.Select(Tcp)],
    };

    /// <summary>linkerd-viz's Prometheus reads the proxies' metrics, which `viz authz` shows.</summary>
    private static V1NetworkPolicyIngressRule VizScrape() => new()
    {
        FromProperty =
        [
            new V1NetworkPolicyPeer
            {
                NamespaceSelector = NamespaceNamed(LinkerdAnnotations.VizNamespace),
            },
        ],
        Ports = [Tcp(LinkerdAnnotations.ProxyAdminPort)],
    };

    private static V1NetworkPolicyPeer PodPeer(string workload) =>
        new() { PodSelector = new V1LabelSelector { MatchLabels = Labels.Selector(workload) } };

    private static V1LabelSelector NamespaceNamed(string name) =>
        new() { MatchLabels = new Dictionary<string, string> { [NamespaceNameLabel] = name } };

    private static V1NetworkPolicyPort Tcp(int port) => new() { Protocol = "TCP", Port = port };

    private static V1NetworkPolicy Policy(
        string name, string ns, V1LabelSelector selector,
        List<V1NetworkPolicyIngressRule> ingress, List<V1NetworkPolicyEgressRule> egress) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = ObjectMeta.Named(name, ns),
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = selector,
            PolicyTypes = name == "default-deny" ? ["Ingress", "Egress"]
                : [.. PolicyTypes(ingress, egress)],
            Ingress = ingress.Count == 0 ? null : ingress,
            Egress = egress.Count == 0 ? null : egress,
        },
    };

    private static IEnumerable<string> PolicyTypes(
        List<V1NetworkPolicyIngressRule> ingress, List<V1NetworkPolicyEgressRule> egress)
    {
        if (ingress.Count > 0)
        {
            yield return "Ingress";
        }

        if (egress.Count > 0)
        {
            yield return "Egress";
        }
    }
}
