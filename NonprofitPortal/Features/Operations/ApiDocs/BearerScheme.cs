using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NonprofitPortal.Features.Operations.ApiDocs;

/// <summary>Describes the bearer tokens of <c>POST /api/auth/token</c>, so the documentation page can send one.</summary>
internal sealed class BearerScheme : IOpenApiDocumentTransformer
{
    public const string Name = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "NonprofitPortal API";
        document.Info.Description =
            "The HTTP API of NonprofitPortal: the directory, drafts, campaigns and their reports, layouts, media, users and roles. " +
            "Get a token from `POST /api/auth/token` with your email and password, then send it as `Authorization: Bearer <token>` " +
            "(on this page: the Authentication section). A token has the permissions of your roles. " +
            "Errors are RFC 9457 problem details (`application/problem+json`): 400 lists the invalid fields, 401 means no or an expired token, " +
            "403 a missing permission, 404 an unknown id, 409 a conflict such as a stale `If-Match`, 429 too many requests (see `Retry-After`).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from `POST /api/auth/token`.",
        };
        return Task.CompletedTask;
    }
}
