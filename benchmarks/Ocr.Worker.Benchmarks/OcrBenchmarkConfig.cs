using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ocr.Worker.Benchmarks;

/// <summary>
/// One in-process job of five measured runs: each run takes seconds of real tool time, and
/// in-process avoids building a generated project under this repository's strict settings.
/// </summary>
public sealed class OcrBenchmarkConfig : ManualConfig
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    public OcrBenchmarkConfig() =>
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithToolchain(new InProcessEmitToolchain(RunTimeout, logOutput: true)));
}
