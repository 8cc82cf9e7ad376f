using System.Text.Json.Serialization;

namespace BlueRobin.Manifests.Aspire;

/// <summary>The parts of Aspire's manifest (aspire-manifest.json) that the generator reads.</summary>
public sealed record AspireManifest(
    [property: JsonPropertyName("resources")] Dictionary<string, AspireResource> Resources)
{
    /// <summary>The folder the manifest was read from; bind-mount sources are relative to it.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; init; } = ".";
}

public sealed record AspireResource
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("image")] public string? Image { get; init; }
    [JsonPropertyName("path")] public string? Path { get; init; }
    [JsonPropertyName("connectionString")] public string? ConnectionString { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("filter")] public string? Filter { get; init; }
    [JsonPropertyName("env")] public Dictionary<string, string> Env { get; init; } = new();
    [JsonPropertyName("args")] public List<string> Args { get; init; } = [];
    [JsonPropertyName("bindings")] public Dictionary<string, AspireBinding> Bindings { get; init; } = new();
    [JsonPropertyName("volumes")] public List<AspireVolume> Volumes { get; init; } = [];
    [JsonPropertyName("bindMounts")] public List<AspireBindMount> BindMounts { get; init; } = [];
    [JsonPropertyName("inputs")] public Dictionary<string, AspireInput> Inputs { get; init; } = new();

    [JsonIgnore] public bool IsProject => Type.StartsWith("project.", StringComparison.Ordinal);
    [JsonIgnore] public bool IsContainer => Type.StartsWith("container.", StringComparison.Ordinal);
    [JsonIgnore] public bool IsParameter => Type.StartsWith("parameter.", StringComparison.Ordinal);
}

public sealed record AspireBinding
{
    [JsonPropertyName("scheme")] public string Scheme { get; init; } = "tcp";
    [JsonPropertyName("protocol")] public string Protocol { get; init; } = "tcp";
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("port")] public int? Port { get; init; }
    [JsonPropertyName("targetPort")] public int? TargetPort { get; init; }
    [JsonPropertyName("external")] public bool External { get; init; }
}

public sealed record AspireVolume(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("readOnly")] bool ReadOnly);

public sealed record AspireBindMount(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("readOnly")] bool ReadOnly);

public sealed record AspireInput
{
    [JsonPropertyName("type")] public string Type { get; init; } = "string";
    [JsonPropertyName("secret")] public bool Secret { get; init; }
    [JsonPropertyName("default")] public AspireInputDefault? Default { get; init; }
}

public sealed record AspireInputDefault
{
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("generate")] public AspireGenerate? Generate { get; init; }
}

public sealed record AspireGenerate
{
    [JsonPropertyName("minLength")] public int MinLength { get; init; } = 22;
}
