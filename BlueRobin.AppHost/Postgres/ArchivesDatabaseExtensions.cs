using BlueRobin;
using BlueRobin.AppHost.Hosting;

namespace Aspire.Hosting;

public static class ArchivesDatabaseExtensions
{
    /// <summary>
    /// Adds PostgreSQL (resource <c>postgres</c>) and its <c>archives</c> database: a container
    /// where an engine runs, else a server from the machine's own binaries.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddArchivesDatabase(
        this IDistributedApplicationBuilder builder, HostingMode mode)
    {
        if (mode == HostingMode.Containers)
        {
            return builder.AddPostgres(ResourceNames.Postgres)
                .WithDataVolume()
                .AddDatabase(ResourceNames.ArchivesDatabase);
        }

        var directory = builder.Configuration["BlueRobin:Postgres:Directory"]
            ?? Path.Combine(BlueRobinPaths.StateDirectory(builder.Configuration), "postgres");
        return builder.AddLocalPostgres(ResourceNames.Postgres, directory)
            .AddDatabase(ResourceNames.ArchivesDatabase);
    }
}
