using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>
/// Who each workload runs as and what it may do. Every pod runs as a non-root user under the
/// runtime's default seccomp profile, with no privilege escalation and no capabilities. The
/// user is the one each image is built for, so the image needs no root step to reach it.
/// </summary>
public static class SecurityProfile
{
    /// <summary>The <c>app</c> user and group of Microsoft's .NET images (APP_UID).</summary>
    public const long DotNetAppUser = 1654;

    /// <summary>The <c>postgres</c> user of the official Debian images (Alpine: 70).</summary>
    public const long PostgresUser = 999;
    public const long PostgresAlpineUser = 70;

    /// <summary>The user Keycloak's image declares; its files belong to it.</summary>
    public const long KeycloakUser = 1000;

    public const string ScratchVolume = "tmp";
    public const string ScratchPath = "/tmp";

    // Ocr.Worker's page images for one job fit easily; the limit keeps a runaway job from
    // filling the node's disk.
    private const string ScratchSizeLimit = "1Gi";

    private sealed record RunAs(long? User, bool ReadOnlyRoot);

    public static V1PodSecurityContext Pod(Workload workload)
    {
        var runAs = For(workload);
        return new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = runAs.User,
            RunAsGroup = runAs.User,
            FsGroup = runAs.User,
            // The kubelet re-owns a volume only when its root is wrong, so a restart neither
            // walks the whole database nor gives the group write access to PGDATA's files.
            FsGroupChangePolicy = runAs.User is null ? null : "OnRootMismatch",
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        };
    }

    public static V1SecurityContext Container(Workload workload) => new()
    {
        AllowPrivilegeEscalation = false,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        ReadOnlyRootFilesystem = For(workload).ReadOnlyRoot,
    };

    /// <summary>Writable folders for a read-only root: /tmp for the .NET services.</summary>
    public static IReadOnlyList<V1Volume> WritableVolumes(Workload workload) =>
        For(workload).ReadOnlyRoot
            ? [new V1Volume
            {
                Name = ScratchVolume,
                EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new(ScratchSizeLimit) },
            }]
            : [];

    public static IReadOnlyList<V1VolumeMount> WritableMounts(Workload workload) =>
        For(workload).ReadOnlyRoot
            ? [new V1VolumeMount { Name = ScratchVolume, MountPath = ScratchPath }]
            : [];

    private static RunAs For(Workload workload)
    {
        if (workload.IsProject)
        {
            // ASP.NET and Ocr.Worker write only to /tmp (the worker's per-job folders), which
            // gets its own emptyDir.
            return new RunAs(DotNetAppUser, ReadOnlyRoot: true);
        }

        var image = workload.Image ?? "";
        if (image.Contains("postgres", StringComparison.Ordinal))
        {
            // Started as its own user, the entrypoint skips the chown/gosu step that needs root.
            // The root stays writable: the entrypoint and initdb write outside the data volume
            // (/var/run/postgresql), and each such path would need its own emptyDir.
            var user = image.Contains("alpine", StringComparison.Ordinal)
                ? PostgresAlpineUser
                : PostgresUser;
            return new RunAs(user, ReadOnlyRoot: false);
        }

        if (image.Contains("keycloak", StringComparison.Ordinal))
        {
            // `kc.sh start` re-augments the server into /opt/keycloak/lib when build options
            // change, so the root has to stay writable.
            return new RunAs(KeycloakUser, ReadOnlyRoot: false);
        }

        // TODO: the user of another image is unknown; with runAsNonRoot alone the kubelet
        // refuses to start an image whose user is root instead of running it as root.
        return new RunAs(null, ReadOnlyRoot: false);
    }
}
