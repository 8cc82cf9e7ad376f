using BlueRobin;
using Ocr.Worker.Jobs;
using Ocr.Worker.Ocr;

namespace Ocr.Worker;

public static class OcrWorkerExtensions
{
    /// <summary>The OCR engine, the durable queue, its processor, and who may use them.</summary>
    public static WebApplicationBuilder AddOcrWorker(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OcrOptions>()
            .BindConfiguration(OcrOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OcrJobsApi.ArchivistPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(RealmAuthenticationExtensions.SubjectClaimType)
                .RequireRole(Realm.Roles.Archivist));

        builder.Services.AddSingleton<OcrEngine>();
        builder.Services.AddSingleton<DocumentQueue>();
        builder.Services.AddSingleton<OcrJobSignal>();
        builder.Services.AddHostedService<OcrToolCheck>();
        builder.Services.AddHostedService<OcrJobProcessor>();
        return builder;
    }
}
