using BlueRobin;
using BlueRobin.AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var builder = DistributedApplication.CreateBuilder(args);

var hosting = HostingModeDetector.Choose(
    builder.Configuration, builder.ExecutionContext.IsPublishMode);
if (builder.ExecutionContext.IsRunMode)
{
    Prerequisites.EnsureInstalled(builder.AppHostDirectory, hosting.Mode);
}

builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
{
    @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BlueRobin.AppHost")
        .LogInformation("Hosting mode {Mode}: {Reason}", hosting.Mode, hosting.Reason);
    return Task.CompletedTask;
});

var identity = builder.AddIdentityProvider(hosting.Mode);
var archives = builder.AddArchivesDatabase(hosting.Mode);

var ocrWorker = builder.AddProject<Projects.Ocr_Worker>(ResourceNames.OcrWorker)
    .WithWorkloadIdentity()
    .WithReference(archives).WaitFor(archives)
    .WithRealmAuthentication(identity);

builder.AddProject<Projects.Archives_Api>(ResourceNames.ArchivesApi)
    .WithWorkloadIdentity(WorkloadExposure.Public)
    .WithReference(archives).WaitFor(archives)
    .WithReference(ocrWorker)
    .WithEnvironment("TokenPropagation__Services__0", ResourceNames.OcrWorker)
    .WithRealmAuthentication(identity);

builder.Build().Run();
