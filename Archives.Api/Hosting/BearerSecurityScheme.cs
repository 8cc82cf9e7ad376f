using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Archives.Api.Hosting;

/// <summary>
/// Declares in the OpenAPI document that every operation takes a bearer access token from
/// the realm, so that generated clients and API explorers send one.
/// </summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "Bearer";

    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token of realm 'bluerobin' with audience 'archives-api'.",
        };

        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(Name, document)] = [],
        });
        return Task.CompletedTask;
    }
}
