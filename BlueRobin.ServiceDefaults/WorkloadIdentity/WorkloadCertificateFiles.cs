using System.Security.Cryptography.X509Certificates;

namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// Reads and writes the PEM files that carry certificates and keys between the issuer and
/// the services. Writes are atomic so that a service reloading mid-renewal never reads half
/// a file, and key files are readable by their owner only.
/// </summary>
public static class WorkloadCertificateFiles
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteCertificate(string path, X509Certificate2 certificate) =>
        WriteAtomically(path, certificate.ExportCertificatePem());

    /// <summary>Writes the certificate's private key as PKCS#8 PEM with mode 0600.</summary>
    public static void WritePrivateKey(string path, X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey()
            ?? throw new ArgumentException("The certificate has no ECDSA private key.",
                nameof(certificate));
        WriteAtomically(path, key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>Loads a certificate together with its private key.</summary>
    public static X509Certificate2 LoadWithKey(string certificatePath, string keyPath) =>
        X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

    public static X509Certificate2 LoadCertificate(string path) =>
        X509Certificate2.CreateFromPem(File.ReadAllText(path));

    private static void WriteAtomically(string path, string contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            using (var writer = new StreamWriter(path: temporary, options))
            {
                writer.Write(contents);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
