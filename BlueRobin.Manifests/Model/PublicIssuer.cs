using BlueRobin.Manifests.Cli;

namespace BlueRobin.Manifests.Model;

/// <summary>
/// Makes Keycloak and the services agree on the issuer. Users get their tokens through the
/// Ingress, services fetch metadata and keys in the cluster: Keycloak gets its public hostname
/// (<c>KC_HOSTNAME</c>, with dynamic backchannel URLs) and every service that validates tokens
/// gets that hostname's issuer (<c>Identity__Issuer</c>) beside its in-cluster authority.
/// </summary>
public static class PublicIssuer
{
    public const string Hostname = "KC_HOSTNAME";
    public const string BackchannelDynamic = "KC_HOSTNAME_BACKCHANNEL_DYNAMIC";
    public const string HostnameStrict = "KC_HOSTNAME_STRICT";
    public const string Authority = "Identity__Authority";
    public const string Issuer = "Identity__Issuer";

    public static AppModel Apply(AppModel model, GenerateOptions options)
    {
        var validators = model.Workloads.Where(workload => Has(workload, Authority)).ToList();
        if (validators.Count == 0)
        {
            return model;
        }

        var identity = model.Workloads.FirstOrDefault(
                workload => workload.Name == ResourceNames.Identity)
            ?? throw new InvalidDataException(
                $"'{validators[0].Name}' sets {Authority} but there is no "
                + $"'{ResourceNames.Identity}'.");
        RequireKeycloakLeavesTheHostnameToUs(identity);

        var workloads = model.Workloads.Select(workload =>
            workload == identity
                ? With(workload, Hostname, PublicAddresses.UrlFor(ResourceNames.Identity, options))
                : Has(workload, Authority)
                    ? With(workload, Issuer, IssuerFor(workload, options))
                    : workload);
        return model with { Workloads = [.. workloads] };
    }

    private static void RequireKeycloakLeavesTheHostnameToUs(Workload identity)
    {
        // A hostname from the AppHost would be a second source of truth beside --domain, and
        // strict=false would let the Host header choose the issuer again.
        foreach (var owned in new[] { Hostname, HostnameStrict })
        {
            if (Has(identity, owned))
            {
                throw new InvalidDataException(
                    $"'{identity.Name}' sets {owned}; the generator derives the hostname from "
                    + "--domain, so the AppHost must leave it out.");
            }
        }

        // Without it Keycloak would advertise public key and token URLs to the services, which
        // reach it only in the cluster.
        if (Literal(identity, BackchannelDynamic) != "true")
        {
            throw new InvalidDataException(
                $"'{identity.Name}' must set {BackchannelDynamic}=true in publish mode.");
        }
    }

    private static string IssuerFor(Workload workload, GenerateOptions options)
    {
        if (Has(workload, Issuer))
        {
            throw new InvalidDataException(
                $"'{workload.Name}' sets {Issuer}; the generator derives it from --domain.");
        }

        var authority = Literal(workload, Authority);
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            || uri.Host != ResourceNames.Identity
            || uri.AbsolutePath.TrimEnd('/') != $"/realms/{Realm.Name}")
        {
            // The Ingress publishes only this realm of this provider; any other authority would
            // get an issuer nobody can obtain tokens from.
            throw new InvalidDataException(
                $"'{workload.Name}' has {Authority} '{authority}'; expected realm "
                + $"'{Realm.Name}' of the in-cluster '{ResourceNames.Identity}'.");
        }

        return PublicAddresses.Issuer(options);
    }

    private static bool Has(Workload workload, string key) =>
        workload.Env.Any(pair => pair.Key == key);

    private static string? Literal(Workload workload, string key) =>
        workload.Env.FirstOrDefault(pair => pair.Key == key).Value?.Literal;

    private static Workload With(Workload workload, string key, string value) =>
        workload with
        {
            Env = [.. workload.Env
                .Append(new(key, ResolvedValue.Text(value)))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)],
        };
}
