using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using BlueRobin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlueRobin.AppHost.Tests;

/// <summary>
/// The real AppHost, container-free: BlueRobin.Identity, PostgreSQL from the machine's
/// binaries, Archives.Api and Ocr.Worker, with state in a temp folder of its own.
/// </summary>
public sealed class BlueRobinApp : IAsyncLifetime
{
    /// <summary>The test collection that shares one running app.</summary>
    public const string Collection = "BlueRobin app";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _stateDirectory =
        Path.Combine(Path.GetTempPath(), $"bluerobin-apphost-tests-{Guid.NewGuid():N}");

    private DistributedApplication? _app;

    public DistributedApplication App =>
        _app ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient CreateArchivesApiClient() =>
        App.CreateHttpClient(ResourceNames.ArchivesApi, "http");

    public RealmTokens Tokens { get; private set; } = null!;

    /// <summary>The local trust anchor the AppHost issued workload certificates from.</summary>
    public string TrustAnchorPath =>
        Path.Combine(_stateDirectory, "workload-identity", "trust-anchor.crt");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        Directory.CreateDirectory(_stateDirectory);

        // A port of its own keeps the tests clear of a copy started with `dotnet run`.
        var identityPort = LoopbackPort.Free();
        var builder = await DistributedApplicationTestingBuilder
            .CreateAsync<Projects.BlueRobin_AppHost>(
                [
                    "--BlueRobin:HostingMode=Local",
                    $"--BlueRobin:StateDirectory={_stateDirectory}",
                    $"--BlueRobin:IdentityPort={identityPort}",
                ],
                timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Warning));

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);

        var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
        await notifications.WaitForResourceHealthyAsync(ResourceNames.ArchivesApi, timeout.Token);
        await notifications.WaitForResourceHealthyAsync(ResourceNames.OcrWorker, timeout.Token);

        Tokens = new RealmTokens(_app.CreateHttpClient(ResourceNames.Identity, "http"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_stateDirectory, recursive: true);
    }

}

[CollectionDefinition(BlueRobinApp.Collection)]
public sealed class BlueRobinAppCollection : ICollectionFixture<BlueRobinApp>;
