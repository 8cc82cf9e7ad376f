using System.Text;
using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>
/// Splits a workload's environment: plain values go to its ConfigMap, values that hold a secret
/// stay in the pod spec and name the parameters Secret, never the secret itself.
/// </summary>
public static class EnvironmentBuilder
{
    public const string ParametersSecret = "bluerobin-parameters";

    public static IReadOnlyList<KeyValuePair<string, string>> ConfigValues(Workload workload) =>
        [.. workload.Env
            .Where(pair => !pair.Value.HasSecret)
            .Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value.Literal!))];

    public static IList<V1EnvVar> SecretValues(Workload workload)
    {
        var direct = new List<V1EnvVar>();
        var composed = new List<V1EnvVar>();
        var helpers = new SortedDictionary<string, V1EnvVar>(StringComparer.Ordinal);

        foreach (var (name, value) in workload.Env.Where(pair => pair.Value.HasSecret))
        {
            if (value.Parts is [SecretPart only])
            {
                direct.Add(FromSecret(name, only.Key));
                continue;
            }

            // Kubernetes expands $(NAME) from variables declared earlier in the same list.
            var text = new StringBuilder();
            foreach (var part in value.Parts)
            {
                if (part is SecretPart secret)
                {
                    var helper = HelperName(secret.Key);
                    helpers.TryAdd(helper, FromSecret(helper, secret.Key));
                    text.Append("$(").Append(helper).Append(')');
                }
                else
                {
                    text.Append(((LiteralPart)part).Text.Replace("$(", "$$(", StringComparison.Ordinal));
                }
            }

            composed.Add(new V1EnvVar { Name = name, Value = text.ToString() });
        }

        return [.. direct, .. helpers.Values, .. composed];
    }

    private static string HelperName(string key) =>
        "BLUEROBIN_SECRET_" + key.ToUpperInvariant().Replace('-', '_');

    private static V1EnvVar FromSecret(string name, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource
        {
            SecretKeyRef = new V1SecretKeySelector { Name = ParametersSecret, Key = key },
        },
    };
}
