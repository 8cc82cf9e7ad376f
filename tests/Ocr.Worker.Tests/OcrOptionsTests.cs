using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ocr.Worker.Tests;

/// <summary>A nonsensical <c>Ocr</c> setting stops the worker at start-up and is named.</summary>
public sealed class OcrOptionsTests
{
    [Theory]
    [InlineData("Ocr:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Ocr:MaxPixelsPerPage", "10", "MaxPixelsPerPage")]
    [InlineData("Ocr:LeaseDuration", "00:00:00", "LeaseDuration")]
    [InlineData("Ocr:MaxJobDuration", "00:00:00", "MaxJobDuration")]
    [InlineData("Ocr:Language", "eng; rm -rf /", "Language")]
    public async Task TheWorkerRefusesToStartWithAnInvalidSetting(
        string key, string value, string name)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection([new(key, value)]);
        builder.AddOcrWorker();
        // Never opened: start-up stops at validation. Loopback port 1 in case it did not.
        builder.Services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1"));
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(name, failure.Message);
    }
}
