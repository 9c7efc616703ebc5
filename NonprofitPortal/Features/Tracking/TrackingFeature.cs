namespace NonprofitPortal.Features.Tracking;

public static class TrackingFeature
{
    public static IHostApplicationBuilder AddTracking(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.Section).ValidateOnStart();
        services.AddSingleton<TrackedLinkTargets>();
        services.AddSingleton<TrackingHits>();
        services.AddSingleton<TrackingRecorder>();
        services.AddHostedService<TrackingHitWriter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTrackingEndpoints(this IEndpointRouteBuilder app) => app.MapTrackingLinks();
}
