using Scalar.AspNetCore;

namespace NonprofitPortal.Features.Operations.ApiDocs;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and the page to read and try it (<c>/api/docs</c>, Scalar).</summary>
public static class ApiDocumentation
{
    public const string PagePath = "/api/docs";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer<BearerScheme>();
        options.AddOperationTransformer<StandardResponses>();
        options.AddOperationTransformer<ApiExamples>();
    });

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Everything from this origin: no fonts or telemetry from Scalar's servers, requests sent
        // straight to this API (no proxy), and the page's scripts under this response's CSP nonce.
        app.MapScalarApiReference(PagePath, (options, context) => options
                .WithTitle("NonprofitPortal API")
                .WithNonce(SecurityHeaders.Nonce(context))
                .DisableDefaultFonts()
                .DisableTelemetry()
                .AddPreferredSecuritySchemes(BearerScheme.Name))
            .AllowAnonymous();
        return app;
    }
}
