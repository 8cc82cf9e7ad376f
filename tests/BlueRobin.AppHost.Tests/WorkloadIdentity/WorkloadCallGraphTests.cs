using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace BlueRobin.AppHost.Tests.WorkloadIdentity;

/// <summary>
/// The published app model, built as AppHost.cs builds it but without starting anything:
/// what the Kubernetes generator will read.
/// </summary>
public sealed class WorkloadCallGraphTests
{
    [Fact]
    public async Task OcrWorkerAdmitsExactlyTheWorkloadsThatReferenceIt()
    {
        var (ocrWorker, _) = BuildPublishedModel();

        var environment = await PublishedEnvironmentAsync(ocrWorker);

        Assert.Equal(
            ResourceNames.ArchivesApi, environment["WorkloadIdentity__AdmittedCallers__0"]);
        Assert.DoesNotContain("WorkloadIdentity__AdmittedCallers__1", environment.Keys);
    }

    [Fact]
    public async Task UnreferencedWorkloadAdmitsNoWorkload()
    {
        var (_, archivesApi) = BuildPublishedModel();

        var environment = await PublishedEnvironmentAsync(archivesApi);

        Assert.DoesNotContain(environment.Keys, key => key.StartsWith(
            "WorkloadIdentity__AdmittedCallers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishedWorkloadsLeaveTlsToLinkerdAndCarryNoLocalKeyPaths()
    {
        var (ocrWorker, _) = BuildPublishedModel();

        var environment = await PublishedEnvironmentAsync(ocrWorker);

        Assert.Equal("Mesh", environment["WorkloadIdentity__Mode"]);
        Assert.DoesNotContain("WorkloadIdentity__KeyPath", environment.Keys);
        Assert.Equal("{ocr-worker.bindings.health.targetPort}",
            environment["WorkloadIdentity__HealthPort"]);
        Assert.DoesNotContain(ocrWorker.Annotations.OfType<EndpointAnnotation>(),
            endpoint => endpoint.UriScheme == "https");
    }

    /// <summary>The environment as the manifest publisher writes it: expressions as text.</summary>
    private static async Task<Dictionary<string, string>> PublishedEnvironmentAsync(
        ProjectResource resource)
    {
        var variables = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(
            new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish),
            resource, variables, CancellationToken.None);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return variables.ToDictionary(pair => pair.Key, pair => pair.Value switch
        {
            string text => text,
            IManifestExpressionProvider expression => expression.ValueExpression,
            var other => other.ToString() ?? "",
        });
    }

    private static (ProjectResource OcrWorker, ProjectResource ArchivesApi) BuildPublishedModel()
    {
        var output = Path.Combine(
            Path.GetTempPath(), $"bluerobin-manifest-{Guid.NewGuid():N}.json");
        var builder = DistributedApplication.CreateBuilder(
            ["--publisher", "manifest", "--output-path", output]);
        var root = RepositoryRoot();

        var ocrWorker = builder.AddProject(ResourceNames.OcrWorker,
                Path.Combine(root, "Ocr.Worker", "Ocr.Worker.csproj"))
            .WithWorkloadIdentity();
        var archivesApi = builder.AddProject(ResourceNames.ArchivesApi,
                Path.Combine(root, "Archives.Api", "Archives.Api.csproj"))
            .WithWorkloadIdentity(WorkloadExposure.Public)
            .WithReference(ocrWorker);

        return (ocrWorker.Resource, archivesApi.Resource);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BlueRobin.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("BlueRobin.sln not found.");
    }
}
