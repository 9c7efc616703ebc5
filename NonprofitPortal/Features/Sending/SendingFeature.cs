using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Sending;

public static class SendingFeature
{
    public static IHostApplicationBuilder AddSending(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();

        var transport = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.Transport ?? MailTransportKind.Pickup;
        if (transport == MailTransportKind.Smtp)
        {
            builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            builder.Services.AddSingleton<IMailTransport, PickupMailTransport>();
        }

        return builder;
    }
}
