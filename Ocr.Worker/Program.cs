using BlueRobin;
using Ocr.Worker;
using Ocr.Worker.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkloadIdentity();
builder.AddRealmAuthentication(ResourceNames.OcrWorker);
builder.AddNpgsqlDataSource(ResourceNames.ArchivesDatabase);
builder.AddOcrWorker();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOcrJobsApi();

app.Run();

/// <summary>The entry point, visible so that tests can host the worker.</summary>
public partial class Program;
