using BlueRobin.Testing;

namespace Ocr.Worker.Tests.Support;

/// <summary>One PostgreSQL server per test class; each test makes its own database on it.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private TemporaryPostgres? _server;

    public TemporaryPostgres Server =>
        _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await TemporaryPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
