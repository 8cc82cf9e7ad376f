using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlueRobin.ServiceDefaults.Tests.TokenPropagation;

/// <summary>
/// A host with BlueRobin's service defaults (resilience and service discovery included) and one
/// propagating client per base address. A test plays the incoming request by setting
/// <see cref="IHttpContextAccessor.HttpContext"/>, as the ASP.NET Core pipeline would.
/// </summary>
internal sealed class PropagatingClientHost : IAsyncDisposable
{
    public const string ListedService = "ocr-worker";
    public const string UnlistedService = "other-service";

    private readonly IHost _host;

    private PropagatingClientHost(IHost host, CapturingLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    public IHttpContextAccessor HttpContextAccessor =>
        _host.Services.GetRequiredService<IHttpContextAccessor>();

    /// <summary>
    /// Both logical services resolve to <paramref name="serviceAddress"/>; only
    /// <see cref="ListedService"/> is listed for propagation.
    /// </summary>
    public static async Task<PropagatingClientHost> StartAsync(
        Uri serviceAddress, IReadOnlyDictionary<string, Uri> clients, string[]? listed = null)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>
        {
            [$"services:{ListedService}:http:0"] = serviceAddress.ToString(),
            [$"services:{UnlistedService}:http:0"] = serviceAddress.ToString(),
        };
        foreach (var (service, index) in (listed ?? [ListedService]).Select((s, i) => (s, i)))
        {
            settings[$"TokenPropagation:Services:{index}"] = service;
        }

        builder.Configuration.AddInMemoryCollection(settings);

        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);

        builder.AddServiceDefaults();
        foreach (var (name, baseAddress) in clients)
        {
            builder.Services.AddHttpClient(name, client => client.BaseAddress = baseAddress)
                .AddAccessTokenPropagation();
        }

        var host = builder.Build();
        await host.StartAsync();
        return new PropagatingClientHost(host, logs);
    }

    public HttpClient CreateClient(string name) =>
        _host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    /// <summary>Plays an incoming request that the authentication middleware accepted.</summary>
    public void SignIn(string bearerToken, bool authenticated = true)
    {
        var identity = authenticated
            ? new ClaimsIdentity([new Claim("sub", "alice")], "Bearer")
            : new ClaimsIdentity();
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
        context.Request.Headers.Authorization = $"Bearer {bearerToken}";
        HttpContextAccessor.HttpContext = context;
    }

    public async ValueTask DisposeAsync()
    {
        HttpContextAccessor.HttpContext = null;
        await _host.StopAsync();
        _host.Dispose();
    }
}
