namespace BlueRobin.Manifests.Cli;

/// <summary>Parses <c>generate [options]</c>; an error names the option that is wrong.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project BlueRobin.Manifests -- generate [options]
          --output PATH                  where to write the Kustomize tree (manifests)
          --namespace NAME               namespace of every object (data-layer)
          --registry REGISTRY            registry of the services' images (localhost:5001/bluerobin)
          --tag TAG                      tag of the services' images (latest)
          --default-inbound-policy P     Linkerd default inbound policy (deny)
          --policy-style STYLE           authorization-policy | server-authorization
          --domain DOMAIN                public hosts are archives.DOMAIN, identity.DOMAIN
          --tls-secret NAME              TLS Secret of the public hosts (bluerobin-tls)
          --aspire-manifest FILE         read this aspire-manifest.json instead of running the AppHost
          --apphost PROJECT              the AppHost project to publish (BlueRobin.AppHost)
          --non-interactive              never ask before replacing the output
        """;

    public static GenerateOptions Parse(IReadOnlyList<string> args)
    {
        if (args is not ["generate", ..])
        {
            throw new ArgumentException("The only command is 'generate'.");
        }

        var options = new GenerateOptions();
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--non-interactive")
            {
                options = options with { NonInteractive = true };
                continue;
            }

            var value = i + 1 < args.Count
                ? args[++i]
                : throw new ArgumentException($"Option '{name}' needs a value.");
            options = Apply(options, name, value);
        }

        return options;
    }

    private static GenerateOptions Apply(GenerateOptions options, string name, string value) =>
        name switch
        {
            "--output" => options with { OutputPath = value },
            "--namespace" => options with { Namespace = value },
            "--registry" => options with { Registry = value },
            "--tag" => options with { Tag = value },
            "--default-inbound-policy" when GenerateOptions.InboundPolicies.Contains(value) =>
                options with { DefaultInboundPolicy = value },
            "--default-inbound-policy" => throw new ArgumentException(
                "--default-inbound-policy must be one of "
                + $"{string.Join(", ", GenerateOptions.InboundPolicies)}."),
            "--policy-style" => options with { PolicyStyle = ParseStyle(value) },
            "--domain" when Uri.CheckHostName(value) == UriHostNameType.Dns =>
                options with { Domain = value },
            "--domain" => throw new ArgumentException(
                "--domain must be a DNS name such as example.org (no scheme, port or path)."),
            "--tls-secret" => options with { TlsSecretName = value },
            "--aspire-manifest" => options with { AspireManifestPath = value },
            "--apphost" => options with { AppHostProject = value },
            _ => throw new ArgumentException($"Unknown option '{name}'."),
        };

    private static PolicyStyle ParseStyle(string value) => value switch
    {
        "authorization-policy" => PolicyStyle.AuthorizationPolicy,
        "server-authorization" => PolicyStyle.ServerAuthorization,
        _ => throw new ArgumentException(
            "--policy-style must be 'authorization-policy' or 'server-authorization'."),
    };
}
