using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace BlueRobin.AppHost.Tests;

/// <summary>Signs the realm's development users in as `bluerobin-cli` does: the password grant.</summary>
public sealed class RealmTokens(HttpClient identity)
{
    public static readonly DevelopmentUser Alice = new("alice", "alice-dev-password");
    public static readonly DevelopmentUser Bob = new("bob", "bob-dev-password");
    public static readonly DevelopmentUser Carol = new("carol", "carol-dev-password");

    private readonly Dictionary<string, string> _cache = [];

    public async Task<string> AccessTokenAsync(DevelopmentUser user)
    {
        if (_cache.TryGetValue(user.UserName, out var cached))
        {
            return cached;
        }

        using var response = await identity.PostAsync(
            $"/realms/{Realm.Name}/protocol/openid-connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = Realm.Clients.Cli,
                ["username"] = user.UserName,
                ["password"] = user.Password,
                ["scope"] = "openid",
            }));
        response.EnsureSuccessStatusCode();

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>()
            ?? throw new InvalidOperationException("The token endpoint answered no token.");
        return _cache[user.UserName] = token.AccessToken;
    }

    public async Task<HttpClient> AuthorizeAsync(HttpClient client, DevelopmentUser user)
    {
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(user));
        return client;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken);
}

public sealed record DevelopmentUser(string UserName, string Password);
