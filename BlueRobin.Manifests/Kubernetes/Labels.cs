namespace BlueRobin.Manifests.Kubernetes;

public static class Labels
{
    public const string Name = "app.kubernetes.io/name";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string App = "bluerobin";

    public static Dictionary<string, string> Selector(string workload) => new()
    {
        [Name] = workload,
    };

    public static Dictionary<string, string> For(string workload) => new()
    {
        [Name] = workload,
        [PartOf] = App,
    };
}

public static class LinkerdAnnotations
{
    public const string Inject = "linkerd.io/inject";
    public const string DefaultInboundPolicy = "config.linkerd.io/default-inbound-policy";
    public const int ProxyInboundPort = 4143;
    public const int ProxyAdminPort = 4191;
    public const string ControlPlaneNamespace = "linkerd";
    public const string VizNamespace = "linkerd-viz";

    /// <summary>linkerd-identity, linkerd-destination and linkerd-policy.</summary>
    public static readonly IReadOnlyList<int> ControlPlanePorts = [8080, 8086, 8090];
}
