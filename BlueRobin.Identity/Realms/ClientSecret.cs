using System.Security.Cryptography;
using System.Text;

namespace BlueRobin.Identity.Realms;

/// <summary>
/// A confidential client's secret. <see cref="Variable"/> names the environment placeholder it
/// came from, so that a missing value can be reported without ever printing a value.
/// </summary>
public sealed class ClientSecret
{
    private readonly byte[]? _digest;

    private ClientSecret(byte[]? digest, string? variable)
    {
        _digest = digest;
        Variable = variable;
    }

    /// <summary>The placeholder variable, e.g. <c>ARCHIVES_API_CLIENT_SECRET</c>, if any.</summary>
    public string? Variable { get; }

    /// <summary>False when the placeholder had no value: the client cannot authenticate.</summary>
    public bool IsAvailable => _digest is not null;

    public static ClientSecret FromValue(string value, string? variable) =>
        new(Digest(value), variable);

    public static ClientSecret Missing(string variable) => new(null, variable);

    /// <summary>Compares in constant time; digests first so that lengths leak nothing.</summary>
    public bool Matches(string? presented) =>
        _digest is not null
        && presented is not null
        && CryptographicOperations.FixedTimeEquals(_digest, Digest(presented));

    internal static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
