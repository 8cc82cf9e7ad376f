namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>Who establishes the caller's workload identity.</summary>
public enum WorkloadIdentityMode
{
    /// <summary>Nobody: no workload is authenticated and no caller is checked.</summary>
    Off,

    /// <summary>
    /// The service itself: it terminates mutual TLS with certificates from the local issuer
    /// and reads the caller's identity from the client certificate.
    /// </summary>
    Mtls,

    /// <summary>
    /// Linkerd: its inbound proxy terminates mutual TLS and passes the caller's identity in
    /// <c>l5d-client-id</c>; the service trusts that header and nothing else.
    /// </summary>
    Mesh,
}
