using System.Text.RegularExpressions;

namespace BlueRobin.Manifests.Model;

/// <summary>
/// The services read their admitted callers from <c>Workload__AdmittedCallers__N</c>; the mesh
/// policy is derived from the references. Both come from the AppHost and must say the same.
/// </summary>
public static partial class AdmittedCallers
{
    public static IReadOnlyList<string>? Declared(Workload workload)
    {
        var declared = workload.Env
            .Where(pair => Key().IsMatch(pair.Key))
            .Select(pair => pair.Value.Literal ?? "")
            .ToList();
        return declared.Count == 0 ? null : declared;
    }

    public static void Verify(IEnumerable<Workload> workloads, IEnumerable<Edge> edges)
    {
        foreach (var workload in workloads)
        {
            if (Declared(workload) is not { } declared)
            {
                continue;
            }

            var derived = edges.Where(edge => edge.Callee == workload.Name)
                .Select(edge => edge.Caller).ToHashSet();
            if (!derived.SetEquals(declared))
            {
                throw new InvalidDataException(
                    $"'{workload.Name}' admits [{string.Join(", ", declared.Order())}] but the "
                    + $"AppHost's references give [{string.Join(", ", derived.Order())}].");
            }
        }
    }

    [GeneratedRegex(@"^Workload__AdmittedCallers__\d+$")]
    private static partial Regex Key();
}
