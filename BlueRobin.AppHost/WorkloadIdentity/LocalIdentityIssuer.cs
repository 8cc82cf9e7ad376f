using System.Security.Cryptography.X509Certificates;
using BlueRobin.AppHost.Hosting;
using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BlueRobin.AppHost.WorkloadIdentity;

/// <summary>Where one workload's certificate, key and the trust anchor are on disk.</summary>
public sealed record IssuedWorkloadFiles(
    string CertificatePath, string KeyPath, string TrustAnchorPath);

/// <summary>
/// Plays linkerd-identity's part outside a cluster: holds an ECDSA P-256 trust anchor and
/// gives each workload a 24 h leaf for its ServiceAccount, renewing it once less than a third
/// of its lifetime remains. Everything lives in a directory outside the repository, with
/// key files readable by their owner only.
/// </summary>
public sealed class LocalIdentityIssuer
{
    public const string DirectorySetting = "WorkloadIdentity:Directory";
    public const string TrustAnchorName = "BlueRobin local trust anchor";

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger<LocalIdentityIssuer> _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _workloads = new(StringComparer.Ordinal);
    private X509Certificate2? _trustAnchor;

    public LocalIdentityIssuer(
        IConfiguration configuration, TimeProvider time, ILogger<LocalIdentityIssuer> logger)
    {
        _directory = ResolveDirectory(configuration[DirectorySetting]
            ?? Path.Combine(BlueRobinPaths.StateDirectory(configuration), "workload-identity"));
        _time = time;
        _logger = logger;
    }

    public string TrustAnchorPath => Path.Combine(_directory, "trust-anchor.crt");

    private string TrustAnchorKeyPath => Path.Combine(_directory, "trust-anchor.key");

    /// <summary>The workloads issued so far; renewal keeps each of them current.</summary>
    public IReadOnlyCollection<string> Workloads
    {
        get
        {
            lock (_gate)
            {
                return [.. _workloads];
            }
        }
    }

    /// <summary>
    /// Returns the workload's files, issuing a leaf first when there is none, it is not
    /// from the current anchor, or less than a third of its lifetime remains.
    /// </summary>
    public IssuedWorkloadFiles EnsureLeaf(string serviceAccount)
    {
        lock (_gate)
        {
            var anchor = LoadOrCreateTrustAnchor();
            var files = new IssuedWorkloadFiles(
                Path.Combine(_directory, $"{serviceAccount}.crt"),
                Path.Combine(_directory, $"{serviceAccount}.key"),
                TrustAnchorPath);
            _workloads.Add(serviceAccount);

            if (NeedsRenewal(files, anchor))
            {
                using var leaf = WorkloadCertificateAuthority.IssueLeaf(
                    anchor, WorkloadIdentityName.For(serviceAccount), _time);

                // Key first: a service that reloads between the two renames sees a mismatched
                // pair and keeps its previous, still valid one.
                WorkloadCertificateFiles.WritePrivateKey(files.KeyPath, leaf);
                WorkloadCertificateFiles.WriteCertificate(files.CertificatePath, leaf);
                Log.WorkloadCertificateIssued(_logger, serviceAccount, leaf.NotAfter);
            }

            return files;
        }
    }

    private bool NeedsRenewal(IssuedWorkloadFiles files, X509Certificate2 anchor)
    {
        if (!File.Exists(files.CertificatePath) || !File.Exists(files.KeyPath))
        {
            return true;
        }

        using var leaf = WorkloadCertificateFiles.LoadCertificate(files.CertificatePath);
        var now = _time.GetUtcNow().UtcDateTime;
        var lifetime = leaf.NotAfter.ToUniversalTime() - leaf.NotBefore.ToUniversalTime();
        var remaining = leaf.NotAfter.ToUniversalTime() - now;
        return WorkloadCertificateValidator.ValidateClient(leaf, anchor) is null
            || remaining < lifetime / 3;
    }

    private X509Certificate2 LoadOrCreateTrustAnchor()
    {
        if (_trustAnchor is not null && _trustAnchor.NotAfter > _time.GetUtcNow().UtcDateTime)
        {
            return _trustAnchor;
        }

        CreatePrivateDirectory(_directory);
        if (File.Exists(TrustAnchorPath) && File.Exists(TrustAnchorKeyPath))
        {
            var existing =
                WorkloadCertificateFiles.LoadWithKey(TrustAnchorPath, TrustAnchorKeyPath);
            if (existing.NotAfter > _time.GetUtcNow().UtcDateTime.AddDays(1))
            {
                return _trustAnchor = existing;
            }
        }

        var anchor = WorkloadCertificateAuthority.CreateTrustAnchor(TrustAnchorName,
            _time.GetUtcNow() - WorkloadCertificateAuthority.ClockSkewAllowance,
            WorkloadCertificateAuthority.TrustAnchorLifetime);
        WorkloadCertificateFiles.WritePrivateKey(TrustAnchorKeyPath, anchor);
        WorkloadCertificateFiles.WriteCertificate(TrustAnchorPath, anchor);
        Log.TrustAnchorCreated(_logger, TrustAnchorPath, anchor.NotAfter);
        return _trustAnchor = anchor;
    }

    /// <summary>
    /// The configured directory, or one under the user's data folder. A directory inside the
    /// repository is refused: private keys must never be one <c>git add</c> away from a commit.
    /// </summary>
    public static string ResolveDirectory(string? configured)
    {
        var directory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(
                Environment.SpecialFolder.LocalApplicationData,
                Environment.SpecialFolderOption.DoNotVerify),
                "bluerobin", "workload-identity")
            : configured);

        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            if (folder.Exists && (folder.EnumerateFiles("*.sln*").Any()
                || folder.EnumerateFileSystemInfos(".git").Any()))
            {
                throw new InvalidOperationException(
                    $"{DirectorySetting} ({directory}) is inside the repository at "
                    + $"{folder.FullName}; private keys must live outside it.");
            }
        }

        return directory;
    }

    private static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
