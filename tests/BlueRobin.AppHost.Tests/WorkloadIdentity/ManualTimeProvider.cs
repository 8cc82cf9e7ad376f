namespace BlueRobin.AppHost.Tests.WorkloadIdentity;

/// <summary>A clock the test moves by hand, so that 16 hours pass in no time.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
