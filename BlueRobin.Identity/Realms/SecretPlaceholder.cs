using System.Text.RegularExpressions;

namespace BlueRobin.Identity.Realms;

/// <summary>
/// Keycloak's <c>${VARIABLE}</c> syntax for values that must not sit in the realm file in
/// clear. The value comes from configuration, which includes the environment.
/// </summary>
public static partial class SecretPlaceholder
{
    [GeneratedRegex(@"^\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}$")]
    private static partial Regex Pattern();

    /// <summary>The variable a value refers to, or null when the value is a literal.</summary>
    public static string? VariableOf(string value)
    {
        var match = Pattern().Match(value.Trim());
        return match.Success ? match.Groups["name"].Value : null;
    }
}
