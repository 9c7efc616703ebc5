namespace NonprofitPortal.Features.TemplateLibrary;

public static class TemplateLibraryFeature
{
    public static IHostApplicationBuilder AddTemplateLibrary(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TemplateLibraryService>();
        builder.Services.AddHostedService<StarterTemplateSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTemplateLibraryEndpoints(this IEndpointRouteBuilder app) => TemplateLibraryEndpoints.Map(app);
}
