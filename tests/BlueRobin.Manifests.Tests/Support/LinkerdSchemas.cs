using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BlueRobin.Manifests.Tests.Support;

/// <summary>
/// The openAPIV3Schema of Linkerd's policy CRDs as JSON Schema. Objects reject unknown fields
/// unless the CRD preserves them, as <c>kubectl apply --validate=strict</c> would.
/// </summary>
public sealed class LinkerdSchemas
{
    private readonly Dictionary<(string Kind, string Version), JsonSchema> _schemas = [];

    public LinkerdSchemas(string release)
    {
        Release = release;
        var folder = Path.Combine(RepositoryPaths.LinkerdSchemas, release);
        foreach (var file in Directory.GetFiles(folder, "*.yaml"))
        {
            foreach (var crd in YamlDocuments.Parse(File.ReadAllText(file)))
            {
                var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
                foreach (var version in crd["spec"]!["versions"]!.AsArray())
                {
                    if (version!["served"]!.GetValue<bool>())
                    {
                        var schema = ToJsonSchema(version["schema"]!["openAPIV3Schema"]!, root: true);
                        _schemas[(kind, version["name"]!.GetValue<string>())] =
                            JsonSchema.FromText(schema.ToJsonString());
                    }
                }
            }
        }
    }

    public string Release { get; }

    public static IReadOnlyList<string> Releases =>
        [.. Directory.GetDirectories(RepositoryPaths.LinkerdSchemas).Select(Path.GetFileName)!];

    /// <summary>Null when valid; otherwise what is wrong.</summary>
    public string? Validate(JsonObject value)
    {
        var kind = value["kind"]!.GetValue<string>();
        var version = value["apiVersion"]!.GetValue<string>().Split('/')[^1];
        if (!_schemas.TryGetValue((kind, version), out var schema))
        {
            return $"{Release} does not serve {kind} {version}.";
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        var results = schema.Evaluate(
            document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }

        var errors = (results.Details ?? [])
            .Where(detail => detail.Errors is not null)
            .SelectMany(detail => detail.Errors!.Select(error =>
                $"{detail.InstanceLocation}: {error.Value}"));
        return $"{kind} {value["metadata"]!["name"]} on {Release}: {string.Join("; ", errors)}";
    }

    private static JsonNode ToJsonSchema(JsonNode node, bool root = false)
    {
        if (node is JsonArray array)
        {
            return new JsonArray([.. array.Select(item => item is null ? null : ToJsonSchema(item))]);
        }

        if (node is not JsonObject source)
        {
            return node.DeepClone();
        }

        var target = new JsonObject();
        foreach (var (key, child) in source)
        {
            if (key.StartsWith("x-kubernetes-", StringComparison.Ordinal))
            {
                continue;
            }

            target[key] = key is "default" or "enum" || child is null
                ? child?.DeepClone()
                : ToJsonSchema(child);
        }

        if (source["x-kubernetes-int-or-string"] is not null)
        {
            target["type"] = new JsonArray("integer", "string");
        }

        var preserves = source["x-kubernetes-preserve-unknown-fields"] is not null;
        if (target["properties"] is JsonObject properties && !preserves)
        {
            if (root)
            {
                properties["apiVersion"] = new JsonObject { ["type"] = "string" };
                properties["kind"] = new JsonObject { ["type"] = "string" };
                properties["metadata"] = new JsonObject { ["type"] = "object" };
            }

            target["additionalProperties"] = false;
        }

        return target;
    }
}
