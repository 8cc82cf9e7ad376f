using System.Text.RegularExpressions;
using BlueRobin.Manifests.Aspire;

namespace BlueRobin.Manifests.Model;

/// <summary>
/// Resolves the <c>{resource.path}</c> expressions of Aspire's manifest into cluster values and
/// records which workloads (and which of their ports) each expression points at: those are the
/// edges of the call graph.
/// </summary>
public sealed partial class ExpressionResolver(
    AspireManifest manifest, IReadOnlyDictionary<string, IReadOnlyList<WorkloadPort>> ports)
{
    private readonly Dictionary<string, SecretParameter> _secrets = [];

    public IReadOnlyCollection<SecretParameter> Secrets => _secrets.Values;

    /// <summary>Null when the value points at a port that does not exist in the cluster.</summary>
    public ResolvedValue? Resolve(string text, ISet<(string Workload, string Port)> references)
    {
        var parts = new List<ValuePart>();
        var position = 0;

        foreach (Match match in Expression().Matches(text))
        {
            parts.Add(new LiteralPart(text[position..match.Index]));
            var resolved = ResolveReference(
                match.Groups["resource"].Value, match.Groups["path"].Value, references);
            if (resolved is null)
            {
                return null;
            }

            parts.AddRange(resolved.Parts);
            position = match.Index + match.Length;
        }

        parts.Add(new LiteralPart(text[position..]));
        return new ResolvedValue(Merge(parts));
    }

    private ResolvedValue? ResolveReference(
        string name, string path, ISet<(string Workload, string Port)> references)
    {
        if (!manifest.Resources.TryGetValue(name, out var resource))
        {
            throw new InvalidDataException($"An expression names unknown resource '{name}'.");
        }

        if (path == "connectionString")
        {
            return Resolve(Required(resource.ConnectionString, name, path), references);
        }

        if (resource.IsParameter && path == "value")
        {
            return ParameterValue(name, resource);
        }

        if (resource.Type == "annotated.string" && resource.Filter == "uri")
        {
            return UriEncodedParameter(name, resource);
        }

        if (path == "value")
        {
            return Resolve(Required(resource.Value, name, path), references);
        }

        var segments = path.Split('.');
        if (segments is ["bindings", var binding, var property])
        {
            return BindingValue(name, resource, binding, property, references);
        }

        throw new InvalidDataException($"Expression '{{{name}.{path}}}' is not supported.");
    }

    private ResolvedValue? BindingValue(
        string name, AspireResource resource, string binding, string property,
        ISet<(string Workload, string Port)> references)
    {
        if (PortPlanner.IsDropped(resource, binding))
        {
            return null;
        }

        var port = ports[name].FirstOrDefault(candidate => candidate.Name == binding)
            ?? throw new InvalidDataException($"'{name}' has no binding '{binding}'.");
        references.Add((name, binding));

        return ResolvedValue.Text(property switch
        {
            "host" => name,
            "port" or "targetPort" => port.Number.ToString(
                System.Globalization.CultureInfo.InvariantCulture),
            "scheme" => port.Scheme,
            "url" => $"{port.Scheme}://{name}:{port.Number}",
            _ => throw new InvalidDataException(
                $"Binding property '{property}' of '{name}' is not supported."),
        });
    }

    private ResolvedValue ParameterValue(string name, AspireResource resource)
    {
        var input = resource.Inputs.GetValueOrDefault("value");
        if (input is { Secret: false, Default.Value: { } value })
        {
            return ResolvedValue.Text(value);
        }

        _secrets[name] = new SecretParameter(
            name, input?.Default?.Value, input?.Default?.Generate?.MinLength ?? 22);
        return new ResolvedValue([new SecretPart(name)]);
    }

    private ResolvedValue UriEncodedParameter(string name, AspireResource resource)
    {
        // Kubernetes cannot URI-encode a Secret's value, so the encoded form is a key of its own.
        var source = Expression().Match(resource.Value ?? "").Groups["resource"].Value;
        var length = manifest.Resources.TryGetValue(source, out var parameter)
            ? parameter.Inputs.GetValueOrDefault("value")?.Default?.Generate?.MinLength ?? 22
            : 22;
        _secrets[name] = new SecretParameter(name, DefaultValue: null, length, source);
        return new ResolvedValue([new SecretPart(name)]);
    }

    private static string Required(string? value, string name, string path) =>
        value ?? throw new InvalidDataException($"'{name}' has no '{path}'.");

    private static List<ValuePart> Merge(List<ValuePart> parts)
    {
        var merged = new List<ValuePart>();
        foreach (var part in parts)
        {
            if (part is LiteralPart { Text: "" })
            {
                continue;
            }

            if (part is LiteralPart next && merged is [.., LiteralPart previous])
            {
                merged[^1] = new LiteralPart(previous.Text + next.Text);
                continue;
            }

            merged.Add(part);
        }

        return merged;
    }

    [GeneratedRegex(@"\{(?<resource>[A-Za-z0-9_-]+)\.(?<path>[A-Za-z0-9_.-]+)\}")]
    private static partial Regex Expression();
}
