using BenchmarkDotNet.Running;
using Ocr.Worker.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(OcrBenchmarks).Assembly).Run(args);
