using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlueRobin.AppHost.WorkloadIdentity;

/// <summary>
/// Re-checks every issued workload on a timer; the issuer replaces a leaf once a third of its
/// lifetime remains, and the services pick the new files up on their next handshake.
/// </summary>
public sealed class WorkloadCertificateRenewal(
    LocalIdentityIssuer issuer, TimeProvider time, ILogger<WorkloadCertificateRenewal> logger)
    : BackgroundService
{
    /// <summary>Far shorter than the 8 h renewal window, so no leaf is ever caught late.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var workload in issuer.Workloads)
            {
                try
                {
                    issuer.EnsureLeaf(workload);
                }
                catch (Exception exception) when (exception is IOException
                    or UnauthorizedAccessException
                    or System.Security.Cryptography.CryptographicException)
                {
                    // The current leaf is still valid for hours; the next tick tries again.
                    Log.WorkloadRenewalFailed(logger, exception, workload);
                }
            }
        }
    }
}
