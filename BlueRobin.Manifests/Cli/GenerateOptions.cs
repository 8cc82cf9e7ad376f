namespace BlueRobin.Manifests.Cli;

public enum PolicyStyle
{
    /// <summary>AuthorizationPolicy with MeshTLSAuthentication, Linkerd's current style.</summary>
    AuthorizationPolicy,

    /// <summary>ServerAuthorization (policy.linkerd.io/v1beta1), the older style.</summary>
    ServerAuthorization,
}

/// <summary>The options of <c>generate</c>, in the spirit of <c>aspirate generate</c>.</summary>
public sealed record GenerateOptions
{
    public string OutputPath { get; init; } = "manifests";
    public string Namespace { get; init; } = "data-layer";
    public string Registry { get; init; } = "localhost:5001/bluerobin";
    public string Tag { get; init; } = "latest";
    public string DefaultInboundPolicy { get; init; } = "deny";
    public PolicyStyle PolicyStyle { get; init; } = PolicyStyle.AuthorizationPolicy;
    public bool NonInteractive { get; init; }
    public string? AspireManifestPath { get; init; }
    public string AppHostProject { get; init; } = "BlueRobin.AppHost";

    /// <summary>Public host names are <c>archives.{Domain}</c> and <c>identity.{Domain}</c>.</summary>
    public string Domain { get; init; } = "bluerobin.localhost";

    /// <summary>
    /// The <c>kubernetes.io/tls</c> Secret holding the certificate of every public host. The
    /// operator (or cert-manager) creates it; no key material is ever generated.
    /// </summary>
    public string TlsSecretName { get; init; } = "bluerobin-tls";

    public string IngressNamespace { get; init; } = "traefik";
    public string IngressServiceAccount { get; init; } = "traefik";

    public static readonly IReadOnlyList<string> InboundPolicies =
    [
        "all-unauthenticated", "all-authenticated", "cluster-authenticated",
        "cluster-unauthenticated", "deny", "audit",
    ];

    public string ImageFor(string workload) =>
        Registry.Length == 0 ? $"{workload}:{Tag}" : $"{Registry.TrimEnd('/')}/{workload}:{Tag}";
}
