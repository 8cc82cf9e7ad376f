using BlueRobin;
using BlueRobin.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Ocr.Worker.Tests.Support;

/// <summary>
/// The whole worker (endpoint, real JWT validation, queue processor, Tesseract) on a real
/// PostgreSQL. Only the signing keys are given directly instead of fetched from the realm.
/// </summary>
public sealed class OcrWorkerFixture : IAsyncLifetime
{
    private TemporaryPostgres? _server;
    private ArchiveDatabase? _database;
    private WebApplicationFactory<Program>? _factory;

    internal TestTokens Tokens { get; } = new();

    internal CapturedLogs Logs { get; } = new();

    internal ArchiveDatabase Database =>
        _database ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient CreateClient() =>
        (_factory ?? throw new InvalidOperationException("The fixture has not started."))
        .CreateClient();

    public async Task InitializeAsync()
    {
        _server = await TemporaryPostgres.StartAsync();
        _database = await ArchiveDatabase.CreateAsync(_server);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(ConfigureWorker);
        _ = _factory.Server;
    }

    private void ConfigureWorker(IWebHostBuilder builder)
    {
        builder.UseSetting(
            $"ConnectionStrings:{ResourceNames.ArchivesDatabase}", Database.ConnectionString);
        builder.UseSetting("Identity:Authority", TestTokens.Issuer);
        builder.UseSetting("Ocr:PollInterval", "00:00:00.200");
        builder.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(Logs));

        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
                configuration.SigningKeys.Add(Tokens.SigningKey);
                jwt.Configuration = configuration;
                jwt.ConfigurationManager =
                    new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
