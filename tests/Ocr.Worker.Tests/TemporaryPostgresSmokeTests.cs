using BlueRobin.Testing;
using Npgsql;

namespace Ocr.Worker.Tests;

public sealed class TemporaryPostgresSmokeTests
{
    [Fact]
    public async Task ServerAnswersQueriesAndSurvivesARestart()
    {
        await using var postgres = await TemporaryPostgres.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("smoke");

        await postgres.RestartAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal("smoke", await command.ExecuteScalarAsync());
    }
}
