using System.Text.Json.Nodes;

namespace BlueRobin.Manifests.Tests.Support;

/// <summary>A client as the mesh and the network see it.</summary>
public sealed record Caller(
    string ServiceAccount, string Namespace, IReadOnlyDictionary<string, string> PodLabels);

/// <summary>
/// Answers "may this caller reach workload Y on port P" from rendered manifests alone, by the
/// rules Linkerd and NetworkPolicy apply: both layers must admit the connection.
/// </summary>
public sealed class ReachabilityEvaluator(IReadOnlyList<JsonObject> objects)
{
    private const string InboundPolicy = "config.linkerd.io/default-inbound-policy";

    public Caller? Workload(string name)
    {
        var pod = PodTemplate(name);
        return pod is null ? null : new Caller(
            pod["spec"]!["serviceAccountName"]!.GetValue<string>(),
            Namespace(Controller(name)!), Labels(pod["metadata"]!["labels"]));
    }

    public bool MayReach(Caller caller, string callee, int port)
    {
        var pod = PodTemplate(callee);
        if (pod is null || PortName(pod, port) is not { } portName)
        {
            return false;
        }

        var ns = Namespace(Controller(callee)!);
        return MeshAdmits(caller, pod, ns, port, portName)
            && NetworkAdmitsIngress(caller, pod, ns)
            && NetworkAdmitsEgress(caller, pod, ns);
    }

    private bool MeshAdmits(Caller caller, JsonNode pod, string ns, int port, string portName)
    {
        var podLabels = Labels(pod["metadata"]!["labels"]);
        var servers = Of("Server", ns).Where(server =>
            Selects(server["spec"]!["podSelector"], podLabels)
            && server["spec"]!["port"]!.ToString() is var selected
            && (selected == portName || selected == port.ToString()))
            .ToList();

        if (servers.Count == 0)
        {
            var policy = pod["metadata"]?["annotations"]?[InboundPolicy]?.GetValue<string>()
                ?? Of("Namespace").FirstOrDefault(n => Name(n) == ns)?["metadata"]?["annotations"]?
                    [InboundPolicy]?.GetValue<string>()
                ?? "all-unauthenticated";
            return policy != "deny";
        }

        return servers.Any(server => Authorized(caller, Name(server), ns));
    }

    private bool Authorized(Caller caller, string server, string ns)
    {
        var byPolicy = Of("AuthorizationPolicy", ns).Any(policy =>
            policy["spec"]!["targetRef"]!["kind"]!.GetValue<string>() == "Server"
            && policy["spec"]!["targetRef"]!["name"]!.GetValue<string>() == server
            && policy["spec"]!["requiredAuthenticationRefs"]!.AsArray()
                .All(reference => Authenticates(caller, reference!, ns)));

        var byServerAuthorization = Of("ServerAuthorization", ns).Any(authorization =>
            authorization["spec"]!["server"]!["name"]?.GetValue<string>() == server
            && (authorization["spec"]!["client"]!["meshTLS"]?["serviceAccounts"]?.AsArray()
                .Any(account => account!["name"]!.GetValue<string>() == caller.ServiceAccount
                    && (account["namespace"]?.GetValue<string>() ?? ns) == caller.Namespace)
                ?? false));

        return byPolicy || byServerAuthorization;
    }

    private bool Authenticates(Caller caller, JsonNode reference, string ns)
    {
        if (reference["kind"]!.GetValue<string>() != "MeshTLSAuthentication")
        {
            return false;
        }

        var name = reference["name"]!.GetValue<string>();
        var authentication = Of("MeshTLSAuthentication", reference["namespace"]?.GetValue<string>() ?? ns)
            .FirstOrDefault(candidate => Name(candidate) == name);
        var identity =
            $"{caller.ServiceAccount}.{caller.Namespace}.serviceaccount.identity.linkerd.cluster.local";
        var authNamespace = authentication is null ? ns : Namespace(authentication);

        return authentication is not null && (
            (authentication["spec"]!["identityRefs"]?.AsArray().Any(item =>
                item!["kind"]!.GetValue<string>() == "ServiceAccount"
                && item["name"]?.GetValue<string>() == caller.ServiceAccount
                && (item["namespace"]?.GetValue<string>() ?? authNamespace) == caller.Namespace)
                ?? false)
            || (authentication["spec"]!["identities"]?.AsArray()
                .Any(item => item!.GetValue<string>() is var text && (text == "*" || text == identity))
                ?? false));
    }

    private bool NetworkAdmitsIngress(Caller caller, JsonNode pod, string ns)
    {
        var policies = Policies(ns, Labels(pod["metadata"]!["labels"]), "Ingress");
        return policies.Count == 0 || policies.Any(policy =>
            (policy["spec"]!["ingress"]?.AsArray() ?? []).Any(rule =>
                AllowsProxyPort(rule!)
                && (rule!["from"]?.AsArray() ?? []).Any(peer =>
                    PeerMatches(peer!, ns, caller.Namespace, caller.PodLabels))));
    }

    private bool NetworkAdmitsEgress(Caller caller, JsonNode calleePod, string calleeNamespace)
    {
        var policies = Policies(caller.Namespace, caller.PodLabels, "Egress");
        var calleeLabels = Labels(calleePod["metadata"]!["labels"]);
        return policies.Count == 0 || policies.Any(policy =>
            (policy["spec"]!["egress"]?.AsArray() ?? []).Any(rule =>
                AllowsProxyPort(rule!)
                && (rule!["to"]?.AsArray() ?? []).Any(peer =>
                    PeerMatches(peer!, caller.Namespace, calleeNamespace, calleeLabels))));
    }

    /// <summary>Meshed connections land on the proxy's inbound port.</summary>
    private static bool AllowsProxyPort(JsonNode rule) =>
        rule["ports"] is not JsonArray ports
        || ports.Any(port => port!["port"]?.ToString() == "4143");

    private List<JsonObject> Policies(string ns, IReadOnlyDictionary<string, string> labels, string type) =>
        [.. Of("NetworkPolicy", ns).Where(policy =>
            Selects(policy["spec"]!["podSelector"], labels)
            && (policy["spec"]!["policyTypes"]?.AsArray().Any(t => t!.GetValue<string>() == type)
                ?? type == "Ingress"))];

    private static bool PeerMatches(
        JsonNode peer, string policyNamespace, string peerNamespace,
        IReadOnlyDictionary<string, string> peerLabels)
    {
        var namespaceMatches = peer["namespaceSelector"] is { } selector
            ? Selects(selector, new Dictionary<string, string>
            {
                ["kubernetes.io/metadata.name"] = peerNamespace,
            })
            : peerNamespace == policyNamespace;
        var podMatches = peer["podSelector"] is not { } pods || Selects(pods, peerLabels);
        return peer["ipBlock"] is null && namespaceMatches && podMatches;
    }

    private static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels) =>
        selector?["matchExpressions"] is null
        && (selector?["matchLabels"]?.AsObject() ?? []).All(pair =>
            labels.TryGetValue(pair.Key, out var value) && value == pair.Value?.GetValue<string>());

    private JsonObject? Controller(string name) => objects.FirstOrDefault(item =>
        item["kind"]!.GetValue<string>() is "Deployment" or "StatefulSet" && Name(item) == name);

    private JsonNode? PodTemplate(string name) => Controller(name)?["spec"]!["template"];

    private static string? PortName(JsonNode pod, int port) =>
        pod["spec"]!["containers"]!.AsArray()
            .SelectMany(container => container!["ports"]?.AsArray() ?? [])
            .FirstOrDefault(candidate => candidate!["containerPort"]!.GetValue<long>() == port)?
            ["name"]?.GetValue<string>();

    private IEnumerable<JsonObject> Of(string kind, string? ns = null) =>
        objects.Where(item => item["kind"]!.GetValue<string>() == kind
            && (ns is null || Namespace(item) == ns));

    private static string Name(JsonNode item) => item["metadata"]!["name"]!.GetValue<string>();

    private static string Namespace(JsonNode item) =>
        item["metadata"]!["namespace"]?.GetValue<string>() ?? "default";

    private static Dictionary<string, string> Labels(JsonNode? labels) =>
        (labels?.AsObject() ?? []).ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());
}
