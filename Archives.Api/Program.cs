using Archives.Api.Documents;
using Archives.Api.Hosting;
using BlueRobin;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWorkloadIdentity();
builder.AddRealmAuthentication(ResourceNames.ArchivesApi);
builder.AddArchivistAuthorization();
builder.AddNpgsqlDataSource(ResourceNames.ArchivesDatabase);
builder.AddDocumentArchive();
builder.AddProblemResponses();
builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityScheme>());

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapDocumentsApi();

app.Run();
