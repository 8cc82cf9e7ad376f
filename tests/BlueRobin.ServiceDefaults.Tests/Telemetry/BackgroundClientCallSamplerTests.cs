using System.Diagnostics;
using OpenTelemetry.Trace;

namespace BlueRobin.ServiceDefaults.Tests.Telemetry;

public sealed class BackgroundClientCallSamplerTests
{
    private readonly Sampler _sampler = BackgroundClientCallSampler.CreateParentBased();

    [Fact]
    public void AClientCallOutsideAnyOperationIsNotRecorded() =>
        Assert.Equal(SamplingDecision.Drop, Decide(default, ActivityKind.Client));

    [Theory]
    [InlineData(ActivityKind.Server)]
    [InlineData(ActivityKind.Consumer)]
    [InlineData(ActivityKind.Internal)]
    public void AnOperationThatStartsATraceIsRecorded(ActivityKind kind) =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(default, kind));

    [Fact]
    public void AClientCallWithinARecordedOperationIsRecorded()
    {
        var request = new ActivityContext(ActivityTraceId.CreateRandom(),
            ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(request, ActivityKind.Client));
    }

    private SamplingDecision Decide(ActivityContext parent, ActivityKind kind) =>
        _sampler.ShouldSample(new SamplingParameters(
            parent, ActivityTraceId.CreateRandom(), "postgresql", kind)).Decision;
}
