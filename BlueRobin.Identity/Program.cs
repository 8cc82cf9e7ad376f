using BlueRobin.Identity.Endpoints;
using BlueRobin.Identity.Realms;
using BlueRobin.Identity.Server;
using Microsoft.AspNetCore.Diagnostics;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.AddRealmServer();
builder.Services.AddSessionProtection();

// OpenIddict writes whole tokens into its debug and trace events, and request parameters such
// as the PKCE code_verifier into its information events; sign-ins are logged by Log instead.
builder.Logging.AddFilter("OpenIddict", LogLevel.Warning);

builder.Services.AddAuthentication()
    .AddCookie(LoginSession.Scheme, LoginSession.Configure);
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery();
builder.Services.AddProblemDetails();

// A malformed or forged form post (failed antiforgery) is the caller's fault: 400, not 500.
builder.Services.Configure<ExceptionHandlerOptions>(options =>
    options.StatusCodeSelector = exception =>
        exception is BadHttpRequestException bad
            ? bad.StatusCode
            : StatusCodes.Status500InternalServerError);

var app = builder.Build();

// Read the realm now, so that a broken realm file stops the provider at start-up.
app.Services.GetRequiredService<RealmDirectory>();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapTokenApi();
app.MapAuthorizationApi();
app.MapLoginApi();
app.MapUserInfoApi();
app.MapLogoutApi();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
