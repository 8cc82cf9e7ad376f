using BlueRobin.Manifests.Keycloak;
using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>Volume claims for a stateful workload and ConfigMaps for its bind mounts.</summary>
public static class StorageBuilder
{
    /// <summary>Covers PGDATA of the postgres images before 18 and after.</summary>
    public const string PostgresDataPath = "/var/lib/postgresql";

    public static IReadOnlyList<(string Claim, string Target)> Claims(Workload workload)
    {
        if (workload.IsProject)
        {
            return [];
        }

        var claims = workload.Volumes
            .Select(volume => (ClaimName(workload, volume.Name), volume.Target))
            .ToList();
        var isPostgres = (workload.Image ?? "").Contains("postgres", StringComparison.Ordinal);
        if (claims.Count == 0 && isPostgres)
        {
            claims.Add(("data", PostgresDataPath));
        }

        return claims;
    }

    public static V1PersistentVolumeClaim ClaimTemplate(Workload workload, string claim) => new()
    {
        Metadata = new V1ObjectMeta { Name = claim },
        Spec = new V1PersistentVolumeClaimSpec
        {
            AccessModes = ["ReadWriteOnce"],
            Resources = new V1VolumeResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity>
                {
                    ["storage"] = new(ResourceProfile.StorageFor(workload)),
                },
            },
        },
    };

    public static IReadOnlyList<ConfigMapSource> BindMountConfigMaps(
        Workload workload, string manifestDirectory) =>
        [.. workload.BindMounts.Select(mount => new ConfigMapSource(
            BindMountName(workload, mount.Target),
            [],
            ReadFiles(Path.GetFullPath(Path.Combine(manifestDirectory, mount.Source))),
            FilesFolder: LastSegment(mount.Target)))];

    public static string BindMountName(Workload workload, string target) =>
        $"{workload.Name}-{LastSegment(target)}";

    private static string ClaimName(Workload workload, string? volume) =>
        volume is null ? "data" : volume.Replace($"{workload.Name}-", "", StringComparison.Ordinal);

    private static string LastSegment(string path) =>
        path.TrimEnd('/').Split('/')[^1].ToLowerInvariant();

    private static IReadOnlyList<(string, byte[])> ReadFiles(string source)
    {
        if (File.Exists(source))
        {
            return [ReadFile(source)];
        }

        if (!Directory.Exists(source))
        {
            // TODO: a missing source leaves the ConfigMap empty; the AppHost's owner adds it.
            return [];
        }

        return [.. Directory.GetFiles(source)
            .Order(StringComparer.Ordinal)
            .Select(ReadFile)];
    }

    private static (string, byte[]) ReadFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name, RealmExportFilter.WithoutUserCredentials(name, File.ReadAllBytes(path)));
    }
}
