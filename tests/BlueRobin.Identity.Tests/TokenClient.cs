using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace BlueRobin.Identity.Tests;

/// <summary>Calls the realm's token endpoint the way a client would, and reads JWTs.</summary>
public static class TokenClient
{
    public const string TokenPath = "/realms/bluerobin/protocol/openid-connect/token";
    public const string Cli = "bluerobin-cli";
    public const string ArchivesApi = "archives-api";

    public sealed record TokenResponse(HttpStatusCode Status, JsonElement Body)
    {
        public string AccessToken => Body.GetProperty("access_token").GetString()!;
        public string? Error => Body.TryGetProperty("error", out var e) ? e.GetString() : null;
    }

    public static Task<TokenResponse> PasswordGrant(
        HttpClient http, string username, string password, string clientId = Cli) =>
        Post(http, new()
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["username"] = username,
            ["password"] = password,
            ["scope"] = "openid",
        });

    /// <summary>The development passwords of the realm file follow one pattern.</summary>
    public static string DevPassword(string username) => $"{username}-dev-password";

    public static Task<TokenResponse> SignIn(HttpClient http, string username) =>
        PasswordGrant(http, username, DevPassword(username));

    public static Task<TokenResponse> ServiceAccount(HttpClient http) =>
        ClientCredentials(http, ArchivesApi, IdentityProviderFactory.ArchivesApiSecret);

    public static Task<TokenResponse> ClientCredentials(
        HttpClient http, string clientId, string secret) =>
        Post(http, new() { ["grant_type"] = "client_credentials" }, (clientId, secret));

    public static async Task<TokenResponse> Post(
        HttpClient http, Dictionary<string, string> form, (string Id, string Secret)? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenPath)
        {
            Content = new FormUrlEncodedContent(form),
        };
        if (basic is { } credentials)
        {
            var pair = Encoding.UTF8.GetBytes($"{credentials.Id}:{credentials.Secret}");
            request.Headers.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new TokenResponse(response.StatusCode, body);
    }

    public static JsonElement Header(string jwt) => Part(jwt, 0);

    public static JsonElement Payload(string jwt) => Part(jwt, 1);

    public static IEnumerable<string> Audiences(JsonElement payload) =>
        payload.GetProperty("aud") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(a => a.GetString()!)
            : [payload.GetProperty("aud").GetString()!];

    public static IEnumerable<string> RealmRoles(JsonElement payload) =>
        payload.GetProperty("realm_access").GetProperty("roles").EnumerateArray()
            .Select(role => role.GetString()!);

    private static JsonElement Part(string jwt, int index) =>
        JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[index])).RootElement.Clone();
}
