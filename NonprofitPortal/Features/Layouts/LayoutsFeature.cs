namespace NonprofitPortal.Features.Layouts;

public static class LayoutsFeature
{
    public static IHostApplicationBuilder AddLayouts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LayoutService>();
        builder.Services.AddHostedService<DefaultLayoutSeeder>();
        return builder;
    }
}
