namespace BlueRobin.Manifests.Model;

/// <summary>The only things reachable from outside the cluster.</summary>
public static class PublicRoutes
{
    /// <summary>
    /// BlueRobin's realm and the static resources its login pages load. The <c>master</c>
    /// realm (whose token endpoint would let anyone guess the admin password), the admin console
    /// (<c>/admin</c>) and the management port (health, metrics) stay inside.
    /// </summary>
    public static readonly IReadOnlyList<string> IdentityPaths =
        [$"/realms/{Realm.Name}/", "/resources/"];

    public static readonly IReadOnlyList<string> ArchivesApiPaths = ["/"];

    public static IReadOnlyList<PublicRoute> For(IReadOnlyList<Workload> workloads)
    {
        var routes = new List<PublicRoute>();
        if (workloads.Any(workload => workload.Name == ResourceNames.ArchivesApi))
        {
            routes.Add(new PublicRoute(ResourceNames.ArchivesApi, "http", ArchivesApiPaths));
        }

        if (workloads.Any(workload => workload.Name == ResourceNames.Identity))
        {
            routes.Add(new PublicRoute(ResourceNames.Identity, "http", IdentityPaths));
        }

        return routes;
    }
}
