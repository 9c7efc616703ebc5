using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces.Mailboxes;
using NonprofitPortal.Features.Bounces.Webhooks;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Features.Bounces;

public static class BouncesFeature
{
    public static IHostApplicationBuilder AddBounces(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BounceOptions>().BindConfiguration(BounceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BounceOptions>, BounceOptionsValidator>();
        services.AddSingleton<ReturnPaths>();
        services.AddSingleton<SendMatcher>();
        services.AddSingleton<FeedbackRecorder>();
        services.AddSingleton<BounceMailboxPoller>();
        services.AddSingleton<SuppressionList>();
        services.AddSingleton<IRejectedSends, SendTimeRejections>();
        services.AddSingleton<SesWebhook>();
        services.AddSingleton<ReplayGuard>();
        services.AddHttpClient(HttpSnsClient.ClientName, http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ISnsClient, HttpSnsClient>();

        var poll = builder.Configuration.GetSection(BounceOptions.Section).Get<BounceOptions>()?.Poll ?? new BounceOptions().Poll;
        builder.AddClusterJob<PollBounceMailboxesJob>(PollBounceMailboxesJob.Key, poll);
        return builder;
    }

    public static IEndpointRouteBuilder MapBouncesEndpoints(this IEndpointRouteBuilder app) => app.MapBounceWebhooks();
}
