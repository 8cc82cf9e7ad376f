var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWorkloadIdentity();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
