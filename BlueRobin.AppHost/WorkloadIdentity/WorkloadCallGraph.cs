using Aspire.Hosting.ApplicationModel;

namespace BlueRobin.AppHost.WorkloadIdentity;

/// <summary>
/// Who may call whom, read from the app model: a workload admits exactly the workloads that
/// reference it (<c>.WithReference(thisService)</c>). The AppHost hands the result to the
/// service as <c>WorkloadIdentity__AdmittedCallers__N</c>, which also lands in the publish
/// manifest, where the Kubernetes generator reads it for Linkerd's authorization policy.
/// </summary>
public static class WorkloadCallGraph
{
    /// <summary>Aspire's relationship type for <c>WithReference</c>.</summary>
    public const string ReferenceRelationship = "Reference";

    public static IReadOnlyList<string> AdmittedCallers(
        IEnumerable<IResource> model, IResource target) =>
        model
            .Where(resource => resource is IComputeResource && !ReferenceEquals(resource, target))
            .Where(resource => resource.Annotations.OfType<ResourceRelationshipAnnotation>()
                .Any(relationship => relationship.Type == ReferenceRelationship
                    && ReferenceEquals(relationship.Resource, target)))
            .Select(resource => resource.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
}
