using DnsClient;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending.Dkim;
using NonprofitPortal.Features.Sending.DomainCheck;
using NonprofitPortal.Features.Sending.Queue;
using NonprofitPortal.Features.Sending.Transport;
using Quartz;

namespace NonprofitPortal.Features.Sending;

public static class SendingFeature
{
    public static IHostApplicationBuilder AddSending(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddOptions<SendingOptions>().BindConfiguration(SendingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DkimOptions>().BindConfiguration(DkimOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DkimOptions>, DkimOptionsValidator>();
        services.AddSingleton<MessageSigner>();
        services.AddOptions<DnsOptions>().BindConfiguration(DnsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DnsOptions>, DnsOptionsValidator>();
        services.AddSingleton<ILookupClient>(provider => SenderDomainCheck.CreateLookupClient(provider.GetRequiredService<IOptions<DnsOptions>>().Value));
        services.AddSingleton<SenderDomainCheck>();

        services.AddSingleton(MailServerFactory.Create);
        services.AddSingleton<IMailTransport, RoutedMailTransport>();
        services.AddSingleton<CampaignMessages>();
        services.AddSingleton<SendDrainer>();
        services.AddSingleton<SendingTrigger>();
        services.AddSingleton<ServerTestMessages>();
        services.AddSingleton<SendingBacklog>();
        services.AddSingleton<SendingMetrics>();
        services.AddSingleton<DatabaseOutage>();
        var health = services.AddHealthChecks()
            .AddCheck<MailServersHealthCheck>("mail servers", tags: [HealthTags.Ready])
            .AddCheck<DatabaseOutageHealthCheck>("database writes", tags: [HealthTags.Ready]);
        if (builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.Transport == MailTransportKind.Smtp)
        {
            // A singleton, so that its cached answer outlives one request.
            services.AddSingleton<SmtpReachabilityHealthCheck>();
            health.AddCheck<SmtpReachabilityHealthCheck>("smtp reachable", tags: [HealthTags.Ready]);
        }

        switch (builder.ConfiguredDatabaseProvider())
        {
            case DatabaseProvider.PostgreSQL:
                services.AddSingleton<SendQueue, PostgresSendQueue>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddSingleton<SendQueue, SqlServerSendQueue>();
                break;
            default:
                services.AddSingleton<SendQueue, SqliteSendQueue>();
                break;
        }

        services.AddSingleton<ISendQueue>(provider => provider.GetRequiredService<SendQueue>());

        var settings = builder.Configuration.GetSection(SendingOptions.Section).Get<SendingOptions>() ?? new SendingOptions();
        services.AddQuartz(quartz =>
        {
            // This node's own scheduler: every node drains at once, sharing the rows through claims, so
            // the drain must not be clustered (a clustered trigger fires on one node only, and a
            // clustered DisallowConcurrentExecution holds across all of them).
            quartz.UseInMemoryStore();
            // Shutting down cancels the drain: it stops claiming, hands back what it has not sent, and records the rest.
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            quartz.AddJob<DrainSendsJob>(job => job.WithIdentity(DrainSendsJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(DrainSendsJob.Key)
                .WithIdentity("drain-sends-interval", "sending")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(settings.Poll).RepeatForever().MeasureIntervalFromCompletion(true)));
        });
        builder.AddClusterJob<RecoverLeasesJob>(RecoverLeasesJob.Key, settings.Lease / 2);
        // Started once the app listens (links in mail are built from its address when App:PublicUrl is not set);
        // until then readiness says the schedulers are not running.
        services.Configure<QuartzHostedServiceOptions>(options => (options.WaitForJobsToComplete, options.AwaitApplicationStarted) = (true, true));
        services.AddHostedService<BoundedQuartzHostedService>();
        if (builder.Configuration["shutdownTimeoutSeconds"] is null)
        {
            // Orchestrators commonly kill a process 30 s after asking it to stop: leave it room to finish on its own.
            services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(25));
        }
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "scheduler", provider => new SchedulersHealthCheck(provider), failureStatus: null, tags: [HealthTags.Ready]));
        return builder;
    }
}
