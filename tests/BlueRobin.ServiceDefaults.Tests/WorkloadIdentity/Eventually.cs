namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

/// <summary>Waits for a condition that another thread makes true, up to a named timeout.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task TrueAsync(Func<bool> condition, string waitingFor)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {Timeout} waiting for {waitingFor}.");
            }

            await Task.Delay(PollInterval, CancellationToken.None);
        }
    }
}
