namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>Which of a service's listeners a connection arrived on.</summary>
public enum WorkloadListener
{
    /// <summary>The endpoint other workloads call; each request needs an admitted caller.</summary>
    Service,

    /// <summary>The endpoint the orchestrator probes; it serves health and liveness only.</summary>
    Health,
}
