using Microsoft.Extensions.Options;
using MimeKit;

namespace NonprofitPortal.Features.Sending;

internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"Mail:From '{options.From}' is not an email address; use e.g. \"Foundation <grants@example.org>\".");
        }

        if (options.Transport == MailTransportKind.Pickup && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add("Mail:PickupDirectory must name a folder when Mail:Transport is Pickup.");
        }

        if (options.Transport == MailTransportKind.Smtp)
        {
            if (options.Smtp.Servers.Count == 0)
            {
                if (string.IsNullOrWhiteSpace(options.Smtp.Host))
                {
                    failures.Add("Mail:Smtp:Host is required when Mail:Transport is Smtp (or configure Mail:Smtp:Servers:0:Host).");
                }

                if (options.Smtp.Port is < 1 or > 65535)
                {
                    failures.Add($"Mail:Smtp:Port {options.Smtp.Port} is not a TCP port (1-65535).");
                }
            }

            for (var i = 0; i < options.Smtp.Servers.Count; i++)
            {
                var server = options.Smtp.Servers[i];
                if (string.IsNullOrWhiteSpace(server.Host))
                {
                    failures.Add($"Mail:Smtp:Servers:{i}:Host is required.");
                }

                if (server.Port is < 1 or > 65535)
                {
                    failures.Add($"Mail:Smtp:Servers:{i}:Port {server.Port} is not a TCP port (1-65535).");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
