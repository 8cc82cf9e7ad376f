using BlueRobin;

var builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<IResourceWithEndpoints> identity;
if (builder.ExecutionContext.IsPublishMode)
{
    // The cluster runs Keycloak itself; the generated Kubernetes manifests read this branch.
    identity = builder.AddKeycloakContainer(
        ResourceNames.Identity, Path.Combine(builder.AppHostDirectory, "Realms"));
}
else
{
    identity = builder.AddProject<Projects.BlueRobin_Identity>(ResourceNames.Identity)
        .WithEndpoint("http", endpoint =>
        {
            endpoint.Port = Realm.IdentityPort;
            endpoint.IsProxied = false;
        });
}

var archives = builder.AddPostgres(ResourceNames.Postgres)
    .AddDatabase(ResourceNames.ArchivesDatabase);

var ocrWorker = builder.AddProject<Projects.Ocr_Worker>(ResourceNames.OcrWorker)
    .WithReference(archives).WaitFor(archives)
    .WaitFor(identity);

builder.AddProject<Projects.Archives_Api>(ResourceNames.ArchivesApi)
    .WithReference(archives).WaitFor(archives)
    .WithReference(ocrWorker)
    .WaitFor(identity);

builder.Build().Run();
