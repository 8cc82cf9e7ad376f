using k8s.Models;

namespace BlueRobin.Manifests.Linkerd;

// Linkerd's policy resources. KubernetesClient has no models for custom resources, so these
// carry exactly the fields BlueRobin writes; the tests check them against Linkerd's CRD schemas.

public sealed class Server
{
    /// <summary>v1beta1 is the one version both 2.14 and today's releases serve.</summary>
    public string ApiVersion { get; init; } = "policy.linkerd.io/v1beta1";
    public string Kind { get; init; } = "Server";
    public required V1ObjectMeta Metadata { get; init; }
    public required ServerSpec Spec { get; init; }
}

public sealed class ServerSpec
{
    public required V1LabelSelector PodSelector { get; init; }
    public required string Port { get; init; }
    public required string ProxyProtocol { get; init; }
}

public sealed class ServerAuthorization
{
    public string ApiVersion { get; init; } = "policy.linkerd.io/v1beta1";
    public string Kind { get; init; } = "ServerAuthorization";
    public required V1ObjectMeta Metadata { get; init; }
    public required ServerAuthorizationSpec Spec { get; init; }
}

public sealed class ServerAuthorizationSpec
{
    public required ServerReference Server { get; init; }
    public required AuthorizedClient Client { get; init; }
}

public sealed class ServerReference
{
    public required string Name { get; init; }
}

public sealed class AuthorizedClient
{
    public required MeshTls MeshTLS { get; init; }
}

public sealed class MeshTls
{
    public required IList<ServiceAccountReference> ServiceAccounts { get; init; }
}

public sealed class ServiceAccountReference
{
    public required string Name { get; init; }
    public required string Namespace { get; init; }
}

public sealed class AuthorizationPolicy
{
    public string ApiVersion { get; init; } = "policy.linkerd.io/v1alpha1";
    public string Kind { get; init; } = "AuthorizationPolicy";
    public required V1ObjectMeta Metadata { get; init; }
    public required AuthorizationPolicySpec Spec { get; init; }
}

public sealed class AuthorizationPolicySpec
{
    public required PolicyReference TargetRef { get; init; }
    public required IList<PolicyReference> RequiredAuthenticationRefs { get; init; }
}

public sealed class PolicyReference
{
    public string? Group { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public string? Namespace { get; init; }
}

public sealed class MeshTlsAuthentication
{
    public string ApiVersion { get; init; } = "policy.linkerd.io/v1alpha1";
    public string Kind { get; init; } = "MeshTLSAuthentication";
    public required V1ObjectMeta Metadata { get; init; }
    public required MeshTlsAuthenticationSpec Spec { get; init; }
}

public sealed class MeshTlsAuthenticationSpec
{
    public required IList<PolicyReference> IdentityRefs { get; init; }
}
