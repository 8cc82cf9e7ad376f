using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace BlueRobin.Identity.Signing;

/// <summary>
/// An RSA key kept in a PEM file readable by its owner only, created on first use so that
/// tokens stay valid across restarts. The key id is the key's JWK thumbprint (RFC 7638).
/// </summary>
public static class PemKeyFile
{
    private const int KeySizeInBits = 2048;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static RsaSecurityKey LoadOrCreate(string path, ILogger logger)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            WarnIfReadableByOthers(path, logger);
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = KeySizeInBits;
            Write(path, rsa.ExportPkcs8PrivateKeyPem());
            Log.KeyCreated(logger, path);
        }

        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        Log.KeyLoaded(logger, path, key.KeyId);
        return key;
    }

    private static void Write(string path, string pem)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, pem);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerOnlyFile,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(pem);
    }

    private static void WarnIfReadableByOthers(string path, ILogger logger)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
        {
            Log.KeyFileTooOpen(logger, path);
        }
    }
}
