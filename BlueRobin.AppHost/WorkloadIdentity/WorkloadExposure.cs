namespace Aspire.Hosting;

/// <summary>Who a workload's endpoints face.</summary>
public enum WorkloadExposure
{
    /// <summary>
    /// Other workloads only: one service endpoint that admits only the workloads referencing
    /// this one (mutual TLS locally), and a plain endpoint for the health probes.
    /// </summary>
    Internal,

    /// <summary>
    /// Users, through their bearer tokens: the endpoints stay as they are and no client
    /// certificate is asked for. The workload still proves its identity when it calls others.
    /// </summary>
    Public,
}
