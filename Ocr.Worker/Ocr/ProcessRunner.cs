using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ocr.Worker.Ocr;

/// <summary>The outcome of one finished run: exit code and what the program printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>On Unix a program killed by a signal exits with 128 + the signal number.</summary>
    public bool WasKilledBySignal => ExitCode > 128;

    /// <summary>The first and last lines of standard error, short enough for a reason.</summary>
    public string ErrorSummary
    {
        get
        {
            var lines = StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries
                | StringSplitOptions.TrimEntries);
            var summary = lines.Length switch
            {
                0 => $"exit code {ExitCode}",
                1 => lines[0],
                _ => $"{lines[0]} ... {lines[^1]}",
            };
            return summary.Length > 300 ? summary[..300] : summary;
        }
    }
}

/// <summary>
/// Runs one external tool in a span, with a deadline after which the whole process tree is
/// killed, so a stuck or runaway tool cannot hold a job or the machine.
/// </summary>
public sealed class ProcessRunner(TimeSpan timeout, string? toolsPath)
{
    public async Task<ProcessResult> RunAsync(
        OcrTool tool, IReadOnlyList<string> arguments, string workingDirectory,
        CancellationToken cancellationToken)
    {
        var path = tool.Locate(toolsPath) ?? throw OcrException.Permanent(tool.MissingReason);

        using var activity = OcrTelemetry.Source.StartActivity($"run {tool.Name}");
        activity?.SetTag("process.executable.name", tool.Name);
        activity?.SetTag("process.command_args", string.Join(' ', arguments));

        var start = new ProcessStartInfo(path, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // Tesseract's OpenMP threads spin-wait; on a small, shared machine one thread reads a
        // page about four times faster than the default (measured on c02-22.pdf: 0.8 s against
        // 3.2 s), and jobs already run one at a time.
        start.Environment["OMP_THREAD_LIMIT"] = "1";

        using var process = StartOrExplain(start, tool);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            activity?.SetStatus(ActivityStatusCode.Error, "timed out");
            cancellationToken.ThrowIfCancellationRequested();
            throw OcrException.Transient(
                $"{tool.Name} did not finish within {timeout.TotalSeconds:0} s and was stopped.");
        }

        var result = new ProcessResult(process.ExitCode, await output, await error);
        activity?.SetTag("process.exit.code", result.ExitCode);
        if (result.ExitCode != 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.ErrorSummary);
        }

        return result;
    }

    private static Process StartOrExplain(ProcessStartInfo start, OcrTool tool)
    {
        try
        {
            return Process.Start(start)
                ?? throw OcrException.Transient($"{tool.Name} could not be started.");
        }
        catch (Win32Exception)
        {
            // The file exists (Locate found it) but cannot run: not executable or broken.
            throw OcrException.Permanent(tool.MissingReason);
        }
    }
}
