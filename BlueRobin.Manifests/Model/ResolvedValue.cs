namespace BlueRobin.Manifests.Model;

public abstract record ValuePart;

public sealed record LiteralPart(string Text) : ValuePart;

/// <summary>A piece of a value that comes from the parameters Secret, never written in clear.</summary>
public sealed record SecretPart(string Key) : ValuePart;

/// <summary>An environment value or argument with every Aspire expression resolved.</summary>
public sealed record ResolvedValue(IReadOnlyList<ValuePart> Parts)
{
    public bool HasSecret => Parts.Any(part => part is SecretPart);

    public string? Literal => HasSecret
        ? null
        : string.Concat(Parts.Cast<LiteralPart>().Select(part => part.Text));

    public static ResolvedValue Text(string text) => new([new LiteralPart(text)]);
}
