using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

/// <summary>
/// An ocr-worker stand-in on loopback Kestrel: real listeners, real TLS, real bearer
/// authentication, and the workload check exactly as a service gets it from ServiceDefaults.
/// </summary>
public sealed class WorkloadServer : IAsyncDisposable
{
    public const string OcrPath = "/ocr";

    /// <summary>Kestrel reports failed TLS handshakes at Debug level under this category.</summary>
    public const string KestrelCategory = "Microsoft.AspNetCore.Server.Kestrel";

    private readonly WebApplication _app;
    private readonly string _scheme;
    private int _handledRequests;

    private WorkloadServer(WebApplication app, RecordingLoggerProvider logs, string scheme)
    {
        _app = app;
        _scheme = scheme;
        Logs = logs;
    }

    public RecordingLoggerProvider Logs { get; }

    /// <summary>How many requests reached the application's endpoint.</summary>
    public int HandledRequests => Volatile.Read(ref _handledRequests);

    public Uri ServiceUri => new($"{_scheme}://{Listeners.ServiceEndPoint}");

    public Uri HealthUri => new($"http://{Listeners.HealthEndPoint}");

    private WorkloadListeners Listeners => _app.Services.GetRequiredService<WorkloadListeners>();

    public static async Task<WorkloadServer> StartAsync(
        WorkloadIdentityMode mode, TestTokens tokens, TestTrustDomain? domain = null,
        WorkloadFiles? own = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WorkloadIdentity:Mode"] = mode.ToString(),
            ["WorkloadIdentity:ServicePort"] = "0",
            ["WorkloadIdentity:HealthPort"] = "0",
            ["WorkloadIdentity:AdmittedCallers:0"] = ResourceNames.ArchivesApi,
            ["WorkloadIdentity:CertificatePath"] = own?.CertificatePath,
            ["WorkloadIdentity:KeyPath"] = own?.KeyPath,
            ["WorkloadIdentity:TrustAnchorPath"] = domain?.TrustAnchorPath,
            ["Identity:Authority"] = TestTokens.Authority,
            ["Identity:AllowInsecureAuthority"] = "true",
        });
        builder.AddServiceDefaults();
        builder.AddWorkloadIdentity();
        builder.AddRealmAuthentication(ResourceNames.OcrWorker);
        builder.Services.PostConfigure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                // The realm's key is handed over directly so that no metadata is fetched.
                var realm = new OpenIdConnectConfiguration { Issuer = TestTokens.Authority };
                realm.SigningKeys.Add(tokens.SigningKey);
                jwt.Configuration = realm;
                jwt.ConfigurationManager =
                    new StaticConfigurationManager<OpenIdConnectConfiguration>(realm);
            });

        var logs = new RecordingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.AddFilter<RecordingLoggerProvider>(KestrelCategory, LogLevel.Debug);

        var app = builder.Build();
        var scheme = mode == WorkloadIdentityMode.Mtls ? "https" : "http";
        var server = new WorkloadServer(app, logs, scheme);
        app.MapDefaultEndpoints();
        app.MapPost(OcrPath, server.HandleOcr).RequireAuthorization();

        await app.StartAsync();
        return server;
    }

    /// <summary>Answers with the Linkerd header as the application sees it.</summary>
    private string HandleOcr(HttpContext context)
    {
        Interlocked.Increment(ref _handledRequests);
        return context.Request.Headers[WorkloadAuthorizationMiddleware.LinkerdClientIdHeader]
            .ToString();
    }

    /// <summary>Kestrel's reports of TLS handshakes that failed on the service endpoint.</summary>
    public IEnumerable<LoggedEvent> FailedHandshakes => Logs.Events.Where(e =>
        e.Category.StartsWith(KestrelCategory, StringComparison.Ordinal)
        && e.EventId.Name == "AuthenticationFailed");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
