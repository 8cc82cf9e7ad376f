using System.Security.Cryptography;
using BlueRobin.Manifests.Model;

namespace BlueRobin.Manifests.Output;

/// <summary>
/// The local overlay's parameters.env: the values of the parameters Secret, generated on this
/// machine and git-ignored. Existing values are kept, so regenerating never rotates a password
/// under a running cluster.
/// </summary>
public static class ParametersFile
{
    public const string FileName = "parameters.env";
    public const string ExampleFileName = "parameters.env.example";

    private const string Alphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string Example(IEnumerable<SecretParameter> secrets) =>
        "# Copy to parameters.env (git-ignored) and fill in, or let `generate` create it.\n"
        + string.Concat(secrets.Select(secret => $"{secret.Key}=\n"));

    public static void EnsureLocalValues(string path, IReadOnlyList<SecretParameter> secrets)
    {
        var values = File.Exists(path)
            ? Read(path)
            : new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in secrets.Where(secret => secret.UriEncodedFrom is null))
        {
            // Letters and digits only, so a URI-encoded copy is the same string.
            values.TryAdd(secret.Key, secret.DefaultValue ?? RandomNumberGenerator.GetString(
                Alphabet, Math.Max(secret.GeneratedLength, 22)));
        }

        foreach (var secret in secrets.Where(secret => secret.UriEncodedFrom is not null))
        {
            values.TryAdd(secret.Key, Uri.EscapeDataString(values[secret.UriEncodedFrom!]));
        }

        File.WriteAllLines(path, values.Select(pair => $"{pair.Key}={pair.Value}"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static SortedDictionary<string, string> Read(string path)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && !line.StartsWith('#'))
            {
                values[line[..separator]] = line[(separator + 1)..];
            }
        }

        return values;
    }
}
