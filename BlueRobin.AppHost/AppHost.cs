using BlueRobin;

var builder = DistributedApplication.CreateBuilder(args);

var identity = builder.AddProject<Projects.BlueRobin_Identity>(ResourceNames.Identity)
    .WithEndpoint("http", endpoint =>
    {
        endpoint.Port = Realm.IdentityPort;
        endpoint.IsProxied = false;
    });

var archives = builder.AddPostgres(ResourceNames.Postgres)
    .AddDatabase(ResourceNames.ArchivesDatabase);

var ocrWorker = builder.AddProject<Projects.Ocr_Worker>(ResourceNames.OcrWorker)
    .WithWorkloadIdentity()
    .WithReference(archives).WaitFor(archives)
    .WaitFor(identity);

builder.AddProject<Projects.Archives_Api>(ResourceNames.ArchivesApi)
    .WithWorkloadIdentity(WorkloadExposure.Public)
    .WithReference(archives).WaitFor(archives)
    .WithReference(ocrWorker)
    .WaitFor(identity);

builder.Build().Run();
