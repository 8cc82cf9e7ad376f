using Archives.Api.Documents;
using Archives.Api.Ocr;
using BlueRobin;

namespace Archives.Api.Hosting;

public static class DocumentArchiveExtensions
{
    /// <summary>
    /// The archive's parts: validated limits, the store and its schema, the sweeper of uploads
    /// Ocr.Worker never took, and the worker's client, which forwards the user's token.
    /// </summary>
    public static TBuilder AddDocumentArchive<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<DocumentsOptions>()
            .BindConfiguration(DocumentsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddHostedService<ArchiveSchemaInitializer>();
        builder.Services.AddHostedService<StaleUploadSweeper>();

        // The standard resilience handler (service defaults) retries this POST; that is safe
        // because a job names its document, so a repeat asks for the same work again.
        builder.Services
            .AddHttpClient<OcrWorkerClient>(
                ResourceNames.OcrWorker, client => client.BaseAddress = OcrWorkerClient.BaseAddress)
            // First, because it chooses the primary handler that propagation then configures.
            .AddWorkloadIdentityClient(ResourceNames.OcrWorker)
            .AddAccessTokenPropagation();

        return builder;
    }
}
