using System.Net.Http.Headers;
using BlueRobin;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Archives.Api.Tests.Infrastructure;

/// <summary>
/// Archives.Api in memory, on its own database, calling a real loopback worker stand-in through
/// Aspire service discovery (<c>services__ocr-worker__http__0</c>), and trusting
/// <see cref="RealmTokens"/>' key instead of fetching the realm's metadata.
/// </summary>
public sealed class ArchivesApiHost : IAsyncDisposable
{
    /// <summary>The upload cap here: above the sample scans, far below the default.</summary>
    public const long MaxUploadBytes = 256 * 1024;

    private readonly WebApplicationFactory<Program> _factory;

    private ArchivesApiHost(
        WebApplicationFactory<Program> factory, WorkerStandIn worker, RealmTokens tokens,
        string connectionString)
    {
        _factory = factory;
        Worker = worker;
        Tokens = tokens;
        ConnectionString = connectionString;
    }

    public RealmTokens Tokens { get; }

    public WorkerStandIn Worker { get; }

    public string ConnectionString { get; }

    public ArchiveRows Rows => new(ConnectionString);

    public static async Task<ArchivesApiHost> StartAsync(ArchiveFixture archive)
    {
        var connectionString = await archive.CreateDatabaseAsync();
        var worker = await WorkerStandIn.StartAsync(connectionString);
        var tokens = new RealmTokens();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting($"ConnectionStrings:{ResourceNames.ArchivesDatabase}", connectionString);
            web.UseSetting("Identity:Authority", RealmTokens.Issuer);
            web.UseSetting("Identity:AllowInsecureAuthority", "true");
            web.UseSetting($"services:{ResourceNames.OcrWorker}:http:0", worker.Address.ToString());
            web.UseSetting("TokenPropagation:Services:0", ResourceNames.OcrWorker);
            web.UseSetting("Documents:MaxUploadBytes", MaxUploadBytes.ToString());
            web.UseSetting("Documents:SweepInterval", "00:00:00.100");
            web.UseSetting("Documents:StaleReceivedAfter", "00:01:00");
            web.ConfigureTestServices(services => TrustTestKey(services, tokens));
        });

        // Starts the API now, schema included, rather than inside the first test's request.
        factory.CreateClient().Dispose();
        return new ArchivesApiHost(factory, worker, tokens, connectionString);
    }

    public HttpClient ClientFor(string subject, string[] roles)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", Tokens.For(subject, roles));
        return client;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Worker.DisposeAsync();
    }

    private static void TrustTestKey(IServiceCollection services, RealmTokens tokens)
    {
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = RealmTokens.Issuer };
            configuration.SigningKeys.Add(tokens.SigningKey);
            jwt.Configuration = configuration;
            jwt.ConfigurationManager =
                new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

        // Retries keep their number and kind, only their pauses shrink, so that a failing
        // worker costs milliseconds here rather than the production back-off.
        services.ConfigureAll<HttpStandardResilienceOptions>(resilience =>
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(10));
    }
}
