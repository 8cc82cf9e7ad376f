namespace BlueRobin.Identity.Server;

/// <summary>
/// Keycloak's redirect URI patterns: exact, or a prefix when the pattern ends with <c>*</c>.
/// A pattern on a loopback host without a port admits any port, as RFC 8252 §7.3 asks of
/// providers, because native apps listen on whatever port the system gives them.
/// </summary>
public static class RedirectUriPattern
{
    public static bool IsAllowed(IEnumerable<string> patterns, string? candidate)
    {
        if (string.IsNullOrEmpty(candidate)
            || !Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        return patterns.Any(pattern => Matches(pattern, uri));
    }

    private static bool Matches(string pattern, Uri candidate)
    {
        var wildcard = pattern.EndsWith('*');
        var fixedPart = wildcard ? pattern[..^1] : pattern;
        if (!Uri.TryCreate(fixedPart, UriKind.Absolute, out var expected))
        {
            return false;
        }

        var comparable = candidate;
        if (expected.IsLoopback && !HasExplicitPort(fixedPart) && candidate.IsLoopback)
        {
            comparable = new UriBuilder(candidate) { Port = expected.Port }.Uri;
        }

        var text = comparable.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        var prefix = expected.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
        return wildcard
            ? text.StartsWith(prefix, StringComparison.Ordinal)
            : string.Equals(text, prefix, StringComparison.Ordinal);
    }

    private static bool HasExplicitPort(string uri)
    {
        var authority = uri.Split("://", 2) is [_, var rest] ? rest.Split('/', 2)[0] : "";
        return authority.LastIndexOf(':') > authority.LastIndexOf(']');
    }
}
