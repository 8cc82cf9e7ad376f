using BlueRobin;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ocr.Worker.Tests.Support;

/// <summary>
/// Signs Keycloak-shaped access tokens (RS256, <c>kid</c>, <c>realm_access.roles</c>) with a
/// key made for the test run; the worker under test is told to trust only that key.
/// </summary>
internal sealed class TestTokens
{
    public const string Issuer = "https://localhost:1/realms/bluerobin";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestTokens() => SigningKey = new RsaSecurityKey(_rsa) { KeyId = "test-key" };

    public RsaSecurityKey SigningKey { get; }

    public string Create(
        string subject, string[] roles, string audience = ResourceNames.OcrWorker,
        string issuer = Issuer)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["preferred_username"] = $"user-{subject}",
                ["typ"] = "Bearer",
                ["azp"] = ResourceNames.ArchivesApi,
                ["realm_access"] = new Dictionary<string, object> { ["roles"] = roles },
            },
        };

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
