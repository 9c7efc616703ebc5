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
                    failures.Add("Mail:Smtp:Host is required when Mail:Transport is Smtp (or list servers under Mail:Smtp:Servers:0:Host, Mail:Smtp:Servers:1:Host, ...).");
                }

                CheckPort("Mail:Smtp:Port", options.Smtp.Port, failures);
            }

            for (var i = 0; i < options.Smtp.Servers.Count; i++)
            {
                CheckServer($"Mail:Smtp:Servers:{i}", options.Smtp.Servers[i], failures);
            }

            var duplicates = options.Smtp.EffectiveServers(defaultConnections: 1)
                .GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => g.Key);
            foreach (var duplicate in duplicates)
            {
                failures.Add($"Mail:Smtp:Servers has more than one server named '{duplicate}'; give each a distinct Name.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckServer(string key, SmtpServerOptions server, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(server.Host))
        {
            failures.Add($"{key}:Host is required.");
        }

        CheckPort($"{key}:Port", server.Port, failures);
        if (server.Name.Length > 100)
        {
            failures.Add($"{key}:Name has at most 100 characters.");
        }

        if (server.Connections is < 1 or > 64)
        {
            failures.Add($"{key}:Connections {server.Connections} must be between 1 and 64.");
        }

        if (server.MessagesPerSecond < 0)
        {
            failures.Add($"{key}:MessagesPerSecond {server.MessagesPerSecond} must be 0 (no limit) or more.");
        }

        if (server.Priority < 1)
        {
            failures.Add($"{key}:Priority {server.Priority} must be 1 or more (1 is tried first).");
        }
    }

    private static void CheckPort(string key, int port, List<string> failures)
    {
        if (port is < 1 or > 65535)
        {
            failures.Add($"{key} {port} is not a TCP port (1-65535).");
        }
    }
}
