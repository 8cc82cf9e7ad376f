using Aspire.Hosting.Testing;
using Npgsql;

namespace BlueRobin.AppHost.Tests;

/// <summary>The container-free PostgreSQL gives the services a role of their own.</summary>
[Collection(BlueRobinApp.Collection)]
public sealed class ArchiveDatabaseTests(BlueRobinApp bluerobin)
{
    [Fact]
    public async Task ServicesConnectAsTheDatabaseOwnerAndNotAsASuperuser()
    {
        var connectionString = await bluerobin.App.GetConnectionStringAsync(
            ResourceNames.ArchivesDatabase);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await using var command = new NpgsqlCommand("""
            SELECT current_user, rolsuper, rolcreatedb, rolcreaterole,
                   (SELECT tableowner FROM pg_tables WHERE tablename = 'documents')
              FROM pg_roles WHERE rolname = current_user
            """, connection);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());

        Assert.Equal($"{ResourceNames.ArchivesDatabase}_owner", row.GetString(0));
        Assert.False(row.GetBoolean(1), "the services' role is a superuser");
        Assert.False(row.GetBoolean(2), "the services' role may create databases");
        Assert.False(row.GetBoolean(3), "the services' role may create roles");
        Assert.Equal(row.GetString(0), row.GetString(4));
    }
}
