using System.Net;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Webhooks.Delivery;

namespace NonprofitPortal.Features.Webhooks;

public static class WebhooksFeature
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookAddressGuard>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSubscriptions>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, (provider, http) =>
            {
                http.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("NonprofitPortal-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // A redirect could lead anywhere, and a proxy would connect for us, past the guard.
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectCallback = provider.GetRequiredService<WebhookAddressGuard>().ConnectAsync,
            });

        var poll = builder.Configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>()?.Poll ?? new WebhookOptions().Poll;
        builder.AddClusterJob<DeliverWebhooksJob>(DeliverWebhooksJob.Key, poll);
        return builder;
    }
}
