using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns.Approval;
using NonprofitPortal.Features.Campaigns.Enqueue;
using NonprofitPortal.Features.Campaigns.Lifecycle;
using NonprofitPortal.Features.Campaigns.Progress;
using NonprofitPortal.Features.Campaigns.Reports;
using NonprofitPortal.Features.Campaigns.Sends;
using NonprofitPortal.Features.Campaigns.Sends.Search;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Campaigns.Unsubscribe;
using NonprofitPortal.Features.Campaigns.WebVersion;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Features.Campaigns;

public static class CampaignsFeature
{
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CampaignsOptions>().BindConfiguration(CampaignsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CampaignsOptions>, CampaignsOptionsValidator>();
        services.AddSingleton<CampaignLauncher>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<CampaignLifecycle>();
        services.AddSingleton<CampaignApprovals>();
        services.AddSingleton<ISendLogSearch>(builder.ConfiguredDatabaseProvider() switch
        {
            DatabaseProvider.PostgreSQL => new PostgresSendLogSearch(),
            DatabaseProvider.SqlServer => new SqlServerSendLogSearch(),
            _ => new SqliteSendLogSearch(),
        });
        services.AddSingleton<SendLog>();
        services.AddSingleton<SendLogCsvExport>();
        services.AddSingleton<CampaignReports>();
        services.AddSingleton<SendingHealth>();
        var sending = builder.Configuration.GetSection(SendingOptions.Section).Get<SendingOptions>() ?? new SendingOptions();
        builder.AddClusterJob<StartScheduledCampaignsJob>(StartScheduledCampaignsJob.Key, sending.ScheduledCheck);
        builder.AddClusterJob<FinishSettledCampaignsJob>(FinishSettledCampaignsJob.Key, TimeSpan.FromMinutes(1));
        services.AddSingleton<CampaignRates>();
        services.AddSingleton<CampaignProgressMonitor>();
        services.AddSingleton<CampaignProgressBroadcaster>();
        // Statuses as lower-case strings, as the HTTP API writes them.
        var signalR = services.AddSignalR().AddJsonProtocol(options =>
            options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        // Only for hub clients spread over several nodes; Blazor circuits need sticky sessions, not this.
        if (builder.Configuration["SignalR:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis);
        }

        services.AddSingleton<SigningKeys>();
        services.AddSingleton<SendTokens>();
        services.AddSingleton<LegacyUnsubscribeLinks>();
        services.AddSingleton<Unsubscriber>();
        services.AddSingleton<WebVersions>();
        switch (builder.ConfiguredDatabaseProvider())
        {
            case DatabaseProvider.PostgreSQL:
                services.AddSingleton<ISendEnqueuer, PostgresSendEnqueuer>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddSingleton<ISendEnqueuer, SqlServerSendEnqueuer>();
                break;
            default:
                services.AddSingleton<ISendEnqueuer, SqliteSendEnqueuer>();
                break;
        }

        return builder;
    }
}
