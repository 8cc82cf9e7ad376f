using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Workload identity for a BlueRobin service: its listeners, its own certificate, and the
/// check that only admitted workloads reach its service endpoint.
/// </summary>
public static class WorkloadIdentityExtensions
{
    /// <summary>
    /// Reads the <c>WorkloadIdentity</c> section (validated at start-up), opens the service
    /// and health listeners when <c>ServicePort</c> is set, and puts the workload check in
    /// front of the whole pipeline, authentication included.
    /// </summary>
    public static TBuilder AddWorkloadIdentity<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<WorkloadIdentityOptions>()
            .BindConfiguration(WorkloadIdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<WorkloadCredentials>();
        builder.Services.AddSingleton<WorkloadListeners>();
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(
            services => services.GetRequiredService<WorkloadListeners>());
        builder.Services.AddTransient<IStartupFilter, WorkloadAuthorizationStartupFilter>();
        return builder;
    }

    /// <summary>
    /// A startup filter rather than <c>app.Use…</c>: WebApplication adds authentication ahead
    /// of everything Program.cs registers, and the workload must be judged before the user.
    /// </summary>
    private sealed class WorkloadAuthorizationStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.UseMiddleware<WorkloadAuthorizationMiddleware>();
                next(app);
            };
    }
}
