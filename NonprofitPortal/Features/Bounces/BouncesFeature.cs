using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces.Mailboxes;

namespace NonprofitPortal.Features.Bounces;

public static class BouncesFeature
{
    public static IHostApplicationBuilder AddBounces(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BounceOptions>().BindConfiguration(BounceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BounceOptions>, BounceOptionsValidator>();
        services.AddSingleton<SendMatcher>();
        services.AddSingleton<FeedbackRecorder>();
        services.AddSingleton<BounceMailboxPoller>();
        services.AddSingleton<SuppressionList>();

        services.AddTransient<PollBounceMailboxesJob>();
        services.AddHostedService<BounceMailboxSchedule>();
        return builder;
    }
}
