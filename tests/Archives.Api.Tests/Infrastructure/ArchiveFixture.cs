using BlueRobin.Testing;

namespace Archives.Api.Tests.Infrastructure;

/// <summary>
/// One throw-away PostgreSQL server for the run, and one API host that tests share when they
/// need no special worker. Each extra host gets its own database.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    private TemporaryPostgres? _server;
    private ArchivesApiHost? _sharedApi;
    private int _databases;

    /// <summary>Shared by the tests of the collection, which run one at a time.</summary>
    public ArchivesApiHost SharedApi => _sharedApi!;

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"archives_{Interlocked.Increment(ref _databases)}";
        return await _server!.CreateDatabaseAsync(name);
    }

    public async Task InitializeAsync()
    {
        _server = await TemporaryPostgres.StartAsync();
        _sharedApi = await ArchivesApiHost.StartAsync(this);
    }

    public async Task DisposeAsync()
    {
        if (_sharedApi is not null)
        {
            await _sharedApi.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>
{
    public const string Name = "Archive";
}
