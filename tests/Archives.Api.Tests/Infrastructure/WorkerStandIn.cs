using System.Collections.Concurrent;
using BlueRobin.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Archives.Api.Tests.Infrastructure;

/// <summary>
/// Ocr.Worker's job endpoint on a real loopback Kestrel port. It records what each call
/// carried and answers <see cref="StatusCode"/>; on a 2xx it marks the row queued, as the real
/// worker does when it takes a job.
/// </summary>
public sealed class WorkerStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkerStandIn(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.Single());

    public int StatusCode { get; set; } = StatusCodes.Status202Accepted;

    public ConcurrentQueue<JobCall> Calls { get; } = new();

    public static async Task<WorkerStandIn> StartAsync(string archiveConnectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new WorkerStandIn(app);

        app.MapPost(OcrWorkerRoutes.Jobs, async (HttpContext context, OcrJobRequest job) =>
        {
            standIn.Calls.Enqueue(new JobCall(
                context.Request.Headers.Authorization.ToString(), job.DocumentId));
            if (standIn.StatusCode is >= 200 and < 300)
            {
                await MarkQueuedAsync(archiveConnectionString, job.DocumentId);
            }

            return Results.StatusCode(standIn.StatusCode);
        });

        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task MarkQueuedAsync(string connectionString, Guid documentId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE documents SET status = @queued WHERE id = @id AND status = @received",
            connection);
        command.Parameters.AddWithValue("queued", DocumentStatus.Queued);
        command.Parameters.AddWithValue("received", DocumentStatus.Received);
        command.Parameters.AddWithValue("id", documentId);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record JobCall(string Authorization, Guid DocumentId);
