using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.Sending;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace NonprofitPortal.Features.Operations;

public static class OperationsFeature
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublicAddress>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddApiDocumentation();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ApiWritesPartition);
            options.AddPolicy(RateLimitPolicies.SignIn, context =>
            {
                // Only attempts count: showing the sign-in form is free.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }

                var permits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SignInPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [HealthTags.Ready]);

        if (builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Enabled ?? true)
        {
            services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("NonprofitPortal")).WithMetrics(metrics =>
            {
                // HTTP requests come from ASP.NET Core's own meter: http.server.request.duration by route, method and status.
                metrics.AddMeter(SendingMetrics.MeterName, "Microsoft.AspNetCore.Hosting");
                // Meters are process-wide: count only this host's (tests run several hosts in one process).
                ((IDeferredMeterProviderBuilder)metrics).Configure((provider, meters) =>
                {
                    var own = provider.GetRequiredService<IMeterFactory>();
                    meters.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop);
                });
                metrics.AddPrometheusExporter();
            });
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) }).AllowAnonymous();
        app.MapApiDocumentation();
        if (app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: scrape => scrape.Use(BeforeScrapeAsync), optionsName: null)
                .AllowAnonymous();
        }

        return app;
    }

    private static async Task BeforeScrapeAsync(HttpContext context, RequestDelegate next)
    {
        var token = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.ScrapeToken;
        if (!string.IsNullOrEmpty(token) && !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), Encoding.UTF8.GetBytes($"Bearer {token}")))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            // A body, so that the status-code pages leave the answer alone.
            await context.Response.WriteAsync("Metrics:ScrapeToken is set: send it as a bearer token.", context.RequestAborted);
            return;
        }

        // The gauges read from the database: refresh them (at most every few seconds) before they are collected.
        await context.RequestServices.GetRequiredService<SendingBacklog>().RefreshAsync(context.RequestAborted);
        await next(context);
    }

    /// <summary>
    /// Writes under /api, per user (per client address when signed out). Endpoints with a policy
    /// of their own (sign-in, tokens) are limited by that policy alone.
    /// </summary>
    private static RateLimitPartition<string> ApiWritesPartition(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var permits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.ApiWritesPerMinute;
        var key = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? $"user:{user}" : $"address:{context.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Too many requests; try again in {seconds} seconds.",
            },
        });
    }
}
