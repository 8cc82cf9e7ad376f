using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlueRobin.ServiceDefaults.Tests.TokenPropagation;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port that records what each request carried
/// and answers with whatever <c>respond</c> says.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Address => new(_app.Urls.Single());

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, IResult>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);

        app.Run(async context =>
        {
            var authorization = context.Request.Headers.Authorization;
            server.Requests.Enqueue(new RecordedRequest(
                context.Request.Path, authorization.Count == 0 ? null : authorization.ToString()));
            await (respond?.Invoke(context) ?? Results.Ok()).ExecuteAsync(context);
        });

        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record RecordedRequest(string Path, string? Authorization);
