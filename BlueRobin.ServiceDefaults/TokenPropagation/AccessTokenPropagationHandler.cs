using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlueRobin.ServiceDefaults.TokenPropagation;

/// <summary>
/// Puts the current caller's bearer token on requests to the listed internal services, so that
/// they act on the user's behalf and check the user's rights themselves. It must run before
/// service discovery: it decides on the logical name the caller wrote, not on the address the
/// name resolves to.
/// </summary>
internal sealed class AccessTokenPropagationHandler(
    IHttpContextAccessor httpContextAccessor,
    IOptionsMonitor<TokenPropagationOptions> options,
    ILogger<AccessTokenPropagationHandler> logger) : DelegatingHandler
{
    private const string BearerScheme = "Bearer";

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AttachCallerToken(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AttachCallerToken(request);
        return base.Send(request, cancellationToken);
    }

    private void AttachCallerToken(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || !options.CurrentValue.Admits(uri.IdnHost))
        {
            Log.NotListed(logger, uri?.IsAbsoluteUri == true ? uri.IdnHost : "");
            return;
        }

        var token = CallerBearerToken();
        if (token is null)
        {
            Log.MissingCallerToken(logger, uri.IdnHost);
            throw new MissingUserTokenException(uri.IdnHost, request.Method, uri.AbsolutePath);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue(BearerScheme, token);
        Log.Propagating(logger, uri.IdnHost);
    }

    // Only a token the authentication middleware accepted is forwarded: an anonymous request
    // may still carry an Authorization header, and passing that on would launder it.
    private string? CallerBearerToken()
    {
        var context = httpContextAccessor.HttpContext;
        if (context?.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var header = context.Request.Headers.Authorization;
        if (header.Count != 1
            || !AuthenticationHeaderValue.TryParse(header[0], out var value)
            || !string.Equals(value.Scheme, BearerScheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(value.Parameter))
        {
            return null;
        }

        return value.Parameter;
    }
}
