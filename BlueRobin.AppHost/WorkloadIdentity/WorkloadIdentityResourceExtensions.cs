using Aspire.Hosting.ApplicationModel;
using BlueRobin.AppHost.WorkloadIdentity;
using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>Gives a project a workload identity and the admitted callers it enforces.</summary>
public static class WorkloadIdentityResourceExtensions
{
    /// <summary>The endpoint other workloads call (mutual TLS when running locally).</summary>
    public const string ServiceEndpointName = "https";

    /// <summary>The endpoint the orchestrator probes; it serves nothing but the probes.</summary>
    public const string HealthEndpointName = "health";

    /// <summary>The container port of the service endpoint in the published manifest.</summary>
    public const int PublishedServicePort = 8080;

    /// <summary>The container port of the health endpoint in the published manifest.</summary>
    public const int PublishedHealthPort = 8081;

    private const string Section = "WorkloadIdentity__";

    /// <summary>
    /// Running locally, the workload gets a leaf certificate from the AppHost's issuer and
    /// terminates mutual TLS itself (Mtls mode); published, Linkerd does that (Mesh mode).
    /// Either way it admits only the workloads that reference it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithWorkloadIdentity(
        this IResourceBuilder<ProjectResource> builder,
        WorkloadExposure exposure = WorkloadExposure.Internal)
    {
        var app = builder.ApplicationBuilder;
        var isRunMode = app.ExecutionContext.IsRunMode;
        if (isRunMode)
        {
            app.Services.TryAddSingleton(TimeProvider.System);
            app.Services.TryAddSingleton<LocalIdentityIssuer>();
            app.Services.TryAddEnumerable(
                ServiceDescriptor.Singleton<IHostedService, WorkloadCertificateRenewal>());
        }

        builder.WithEnvironment(context =>
        {
            var environment = context.EnvironmentVariables;
            environment[Section + "Mode"] =
                (isRunMode ? WorkloadIdentityMode.Mtls : WorkloadIdentityMode.Mesh).ToString();
            environment[Section + "Namespace"] = WorkloadIdentityName.DefaultNamespace;

            var callers = WorkloadCallGraph.AdmittedCallers(app.Resources, builder.Resource);
            for (var index = 0; index < callers.Count; index++)
            {
                environment[$"{Section}AdmittedCallers__{index}"] = callers[index];
            }

            if (isRunMode)
            {
                var files = context.ExecutionContext.Services
                    .GetRequiredService<LocalIdentityIssuer>().EnsureLeaf(builder.Resource.Name);
                environment[Section + "CertificatePath"] = files.CertificatePath;
                environment[Section + "KeyPath"] = files.KeyPath;
                environment[Section + "TrustAnchorPath"] = files.TrustAnchorPath;
            }
        });

        return exposure == WorkloadExposure.Internal
            ? builder.WithInternalEndpoints(isRunMode)
            : builder;
    }

    private static IResourceBuilder<ProjectResource> WithInternalEndpoints(
        this IResourceBuilder<ProjectResource> builder, bool isRunMode)
    {
        EndpointReference service;
        if (isRunMode)
        {
            // A plain endpoint (the launch profile's) would serve the API without any identity.
            foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>()
                .Where(endpoint => endpoint.UriScheme == "http").ToList())
            {
                builder.Resource.Annotations.Remove(endpoint);
            }

            if (!builder.Resource.Annotations.OfType<EndpointAnnotation>()
                .Any(endpoint => endpoint.Name == ServiceEndpointName))
            {
                builder.WithHttpsEndpoint(name: ServiceEndpointName);
            }

            builder.WithHttpEndpoint(name: HealthEndpointName);
            service = builder.GetEndpoint(ServiceEndpointName);
        }
        else
        {
            // Behind Linkerd the proxy terminates TLS, so the service endpoint is plain HTTP;
            // an https binding would send callers TLS that the pod's proxy does not expect.
            foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>()
                .Where(endpoint => endpoint.UriScheme == "https").ToList())
            {
                builder.Resource.Annotations.Remove(endpoint);
            }

            builder.WithEndpoint("http", endpoint => endpoint.TargetPort ??= PublishedServicePort);
            builder.WithHttpEndpoint(targetPort: PublishedHealthPort, name: HealthEndpointName);
            service = builder.GetEndpoint("http");
        }

        // Only the orchestrator probes health; a reference to the service must not grant a
        // caller the health port too (the Kubernetes policy is derived from references).
        builder.WithEndpoint(
            HealthEndpointName, endpoint => endpoint.ExcludeReferenceEndpoint = true);
        var health = builder.GetEndpoint(HealthEndpointName);
        return builder
            .WithEnvironment(context =>
            {
                var environment = context.EnvironmentVariables;

                // The service opens its two listeners itself from these ports; Kestrel's
                // URL-based endpoints would otherwise open the service port without mTLS.
                environment.Remove("ASPNETCORE_URLS");
                environment.Remove("ASPNETCORE_HTTPS_PORT");
                environment.Remove("HTTP_PORTS");
                environment.Remove("HTTPS_PORTS");
                environment[Section + "ServicePort"] =
                    service.Property(EndpointProperty.TargetPort);
                environment[Section + "HealthPort"] =
                    health.Property(EndpointProperty.TargetPort);
                environment[Section + "ListenAddress"] = isRunMode ? "127.0.0.1" : "0.0.0.0";
            })
            .WithHttpHealthCheck(
                ServiceDefaultsExtensions.HealthPath, endpointName: HealthEndpointName);
    }
}
