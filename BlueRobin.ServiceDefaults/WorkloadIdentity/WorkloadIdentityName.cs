namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// Linkerd's spelling of a workload identity:
/// <c>&lt;serviceaccount&gt;.&lt;namespace&gt;.serviceaccount.identity.linkerd.cluster.local</c>.
/// Locally each Aspire resource stands for the ServiceAccount of the same name.
/// </summary>
public static class WorkloadIdentityName
{
    /// <summary>The namespace BlueRobin's workloads run in, locally and in the cluster.</summary>
    public const string DefaultNamespace = "data-layer";

    public const string TrustDomainSuffix = "serviceaccount.identity.linkerd.cluster.local";

    public static string For(string serviceAccount, string @namespace = DefaultNamespace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceAccount);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        return $"{serviceAccount}.{@namespace}.{TrustDomainSuffix}";
    }

    /// <summary>
    /// Reads the ServiceAccount out of an identity, if the identity belongs to
    /// <paramref name="namespace"/>; an identity from any other namespace yields nothing.
    /// </summary>
    public static bool TryGetServiceAccount(
        string? identity, string @namespace, out string serviceAccount)
    {
        serviceAccount = "";
        var suffix = $".{@namespace}.{TrustDomainSuffix}";
        if (string.IsNullOrEmpty(identity)
            || !identity.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = identity[..^suffix.Length];
        if (name.Length == 0 || name.Contains('.'))
        {
            return false;
        }

        serviceAccount = name.ToLowerInvariant();
        return true;
    }
}
