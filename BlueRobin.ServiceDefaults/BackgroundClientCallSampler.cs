using System.Diagnostics;
using OpenTelemetry.Trace;

namespace BlueRobin.ServiceDefaults;

/// <summary>
/// Decides for spans that start a trace: a client call that belongs to no operation (the
/// worker's queue poll, the API's sweeper, every few seconds) is not recorded, so the
/// dashboard's traces are the requests and jobs people care about. Calls made within a
/// request or a job follow their parent (see <see cref="ParentBasedSampler"/>).
/// </summary>
public sealed class BackgroundClientCallSampler : Sampler
{
    /// <summary>This sampler for traces' first spans, the parent's decision for the rest.</summary>
    public static Sampler CreateParentBased() =>
        new ParentBasedSampler(new BackgroundClientCallSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Kind == ActivityKind.Client
            ? SamplingDecision.Drop
            : SamplingDecision.RecordAndSample);
}
