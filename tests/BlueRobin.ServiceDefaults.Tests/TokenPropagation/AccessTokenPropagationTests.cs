using System.Net;
using BlueRobin.ServiceDefaults.TokenPropagation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlueRobin.ServiceDefaults.Tests.TokenPropagation;

public sealed class AccessTokenPropagationTests
{
    private const string Listed = "listed";
    private const string Unlisted = "unlisted";
    private const string ByAddress = "by-address";

    // Unique enough that finding it anywhere means it leaked, not that it was a coincidence.
    private static readonly string Token = $"eyJ.caller-token-{Guid.NewGuid():N}.sig";

    [Fact]
    public async Task CallToAListedServiceThroughServiceDiscoveryCarriesTheCallersToken()
    {
        await using var service = await LoopbackServer.StartAsync();
        await using var host = await StartHostAsync(service);
        host.SignIn(Token);

        using var response = await host.CreateClient(Listed).GetAsync("/ocr-jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(service.Requests);
        Assert.Equal($"Bearer {Token}", request.Authorization);
    }

    [Fact]
    public async Task CallToAnUnlistedServiceResolvingToTheSameServerCarriesNoToken()
    {
        await using var service = await LoopbackServer.StartAsync();
        await using var host = await StartHostAsync(service);
        host.SignIn(Token);

        using var response = await host.CreateClient(Unlisted).GetAsync("/ocr-jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(service.Requests).Authorization);
    }

    [Fact]
    public async Task CallByAddressToTheSameServerCarriesNoToken()
    {
        await using var service = await LoopbackServer.StartAsync();
        await using var host = await StartHostAsync(service);
        host.SignIn(Token);

        using var response = await host.CreateClient(ByAddress).GetAsync("/ocr-jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(service.Requests).Authorization);
    }

    [Fact]
    public async Task RedirectToAnotherServerIsNotFollowedSoItNeverSeesTheToken()
    {
        await using var elsewhere = await LoopbackServer.StartAsync();
        await using var service = await LoopbackServer.StartAsync(
            _ => Results.Redirect(new Uri(elsewhere.Address, "/landing").ToString()));
        await using var host = await StartHostAsync(service);
        host.SignIn(Token);

        using var response = await host.CreateClient(Listed).GetAsync("/ocr-jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"Bearer {Token}", Assert.Single(service.Requests).Authorization);
        Assert.DoesNotContain(elsewhere.Requests, request => request.Authorization is not null);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task CallWithNoIncomingRequestThrowsAndSendsNothing()
    {
        await using var service = await LoopbackServer.StartAsync();
        await using var host = await StartHostAsync(service);

        var error = await Assert.ThrowsAsync<MissingUserTokenException>(
            () => host.CreateClient(Listed).PostAsync("/ocr-jobs", content: null));

        Assert.Equal(PropagatingClientHost.ListedService, error.Service);
        Assert.Contains("POST /ocr-jobs to 'ocr-worker'", error.Message);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task CallFromAnAnonymousRequestDoesNotForwardItsAuthorizationHeader()
    {
        await using var service = await LoopbackServer.StartAsync();
        await using var host = await StartHostAsync(service);
        host.SignIn(Token, authenticated: false);

        await Assert.ThrowsAsync<MissingUserTokenException>(
            () => host.CreateClient(Listed).GetAsync("/ocr-jobs"));

        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task TokenAppearsInNoLogAtAnyLevelWhileItIsForwarded()
    {
        await using var service = await LoopbackServer.StartAsync();
        await using var host = await StartHostAsync(service);
        host.SignIn(Token);

        using var response = await host.CreateClient(Listed).GetAsync("/ocr-jobs");

        Assert.Equal($"Bearer {Token}", Assert.Single(service.Requests).Authorization);
        var logs = host.Logs.Entries.ToArray();
        Assert.Contains(logs, log => log.Level == LogLevel.Trace
            && log.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal)
            && log.Text.Contains("Authorization", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, log => log.Text.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(
            logs, log => log.Text.Contains("caller-token", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("http://ocr-worker")]
    public async Task HostRefusesToStartWhenAListedServiceIsNotAName(string entry)
    {
        await using var service = await LoopbackServer.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => StartHostAsync(service, listed: [entry]));

        Assert.Contains("TokenPropagation:Services", error.Message);
    }

    private static Task<PropagatingClientHost> StartHostAsync(
        LoopbackServer service, string[]? listed = null) =>
        PropagatingClientHost.StartAsync(
            service.Address,
            new Dictionary<string, Uri>
            {
                [Listed] = new($"https+http://{PropagatingClientHost.ListedService}"),
                [Unlisted] = new($"https+http://{PropagatingClientHost.UnlistedService}"),
                [ByAddress] = service.Address,
            },
            listed);
}
