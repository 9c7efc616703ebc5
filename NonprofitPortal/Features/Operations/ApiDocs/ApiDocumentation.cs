using System.Security.Claims;
using NonprofitPortal.Features.Accounts;
using Scalar.AspNetCore;

namespace NonprofitPortal.Features.Operations.ApiDocs;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and the page to read and try it (<c>/api/docs</c>, Scalar).</summary>
public static class ApiDocumentation
{
    public const string PagePath = "/api/docs";

    /// <summary>Who the menu offers the page to: people whose roles can change something through the API (scripts, integrations).</summary>
    private static readonly string[] ApiPermissions = [Permissions.NonprofitsEdit, Permissions.DraftsEdit, Permissions.CampaignsSend, Permissions.UsersManage];

    public static bool IsUsefulTo(ClaimsPrincipal user) => ApiPermissions.Any(permission => user.HasClaim(Permissions.ClaimType, permission));

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer<BearerScheme>();
        options.AddOperationTransformer<StandardResponses>();
        options.AddOperationTransformer<ApiExamples>();
    });

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Everything from this origin: no fonts, telemetry, AI agent or hosted tools from Scalar's
        // servers, requests sent straight to this API (no proxy), scripts under this response's CSP nonce.
        app.MapScalarApiReference(PagePath, (options, context) => options
                .WithTitle("NonprofitPortal API")
                .WithNonce(SecurityHeaders.Nonce(context))
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .HideClientButton()
                .AddPreferredSecuritySchemes(BearerScheme.Name))
            .AllowAnonymous();
        return app;
    }
}
