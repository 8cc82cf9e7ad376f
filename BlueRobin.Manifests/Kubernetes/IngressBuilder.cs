using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Model;
using k8s.Models;

namespace BlueRobin.Manifests.Kubernetes;

/// <summary>
/// One Ingress per public route, for Traefik, served over TLS only: passwords and bearer tokens
/// cross these hosts. Traefik is meshed in ingress mode, where Linkerd honours
/// <c>l5d-dst-override</c>; a client must not choose the destination, so a middleware removes
/// any such header before routing.
/// </summary>
public static class IngressBuilder
{
    public const string IngressClass = "traefik";
    public const string StripOverrideMiddleware = "strip-l5d-dst-override";

    public static IReadOnlyList<(string File, object Object)> Build(
        AppModel model, GenerateOptions options)
    {
        var objects = new List<(string, object)>
        {
            ($"{StripOverrideMiddleware}.yaml", StripOverride(options)),
        };

        foreach (var route in model.PublicRoutes)
        {
            var port = model.Workload(route.Workload).Port(route.PortName);
            var host = PublicAddresses.HostFor(route.Workload, options);
            var metadata = ObjectMeta.Named(route.Workload, options.Namespace, route.Workload);
            metadata.Annotations = new Dictionary<string, string>
            {
                // Only the TLS entrypoint gets a router, so plain HTTP finds no route at all.
                ["traefik.ingress.kubernetes.io/router.entrypoints"] = "websecure",
                ["traefik.ingress.kubernetes.io/router.middlewares"] =
                    $"{options.Namespace}-{StripOverrideMiddleware}@kubernetescrd",
                ["traefik.ingress.kubernetes.io/router.tls"] = "true",
            };

            objects.Add(($"{route.Workload}.yaml", new V1Ingress
            {
                ApiVersion = "networking.k8s.io/v1",
                Kind = "Ingress",
                Metadata = metadata,
                Spec = new V1IngressSpec
                {
                    IngressClassName = IngressClass,
                    Tls = [new V1IngressTLS { Hosts = [host], SecretName = options.TlsSecretName }],
                    Rules =
                    [
                        new V1IngressRule
                        {
                            Host = host,
                            Http = new V1HTTPIngressRuleValue
                            {
                                Paths = [.. route.Paths.Select(path => Path(route, path, port))],
                            },
                        },
                    ],
                },
            }));
        }

        return objects;
    }

    private static V1HTTPIngressPath Path(PublicRoute route, string path, WorkloadPort port) => new()
    {
        Path = path,
        PathType = "Prefix",
        Backend = new V1IngressBackend
        {
            Service = new V1IngressServiceBackend
            {
                Name = route.Workload,
                Port = new V1ServiceBackendPort { Name = port.Name },
            },
        },
    };

    private static TraefikMiddleware StripOverride(GenerateOptions options) => new()
    {
        Metadata = ObjectMeta.Named(StripOverrideMiddleware, options.Namespace),
        Spec = new TraefikMiddlewareSpec
        {
            // Traefik removes a request header that is set to the empty string.
            Headers = new TraefikHeaders
            {
                CustomRequestHeaders = new Dictionary<string, string> { ["l5d-dst-override"] = "" },
            },
        },
    };
}

public sealed class TraefikMiddleware
{
    public string ApiVersion { get; init; } = "traefik.io/v1alpha1";
    public string Kind { get; init; } = "Middleware";
    public required V1ObjectMeta Metadata { get; init; }
    public required TraefikMiddlewareSpec Spec { get; init; }
}

public sealed class TraefikMiddlewareSpec
{
    public required TraefikHeaders Headers { get; init; }
}

public sealed class TraefikHeaders
{
    public required Dictionary<string, string> CustomRequestHeaders { get; init; }
}
