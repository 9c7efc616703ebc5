using System.Security.Claims;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// A short message through one chosen server, to the admin who asked: "does this relay work?" It
/// waits for one of that server's connections and its pace like any other message.
/// </summary>
public sealed class ServerTestMessages(MailServers servers, IOptions<MailOptions> mailOptions, TimeProvider time)
{
    /// <returns>What the server answered; null when no server has that name.</returns>
    public async Task<Delivery?> SendAsync(string serverName, ClaimsPrincipal admin, CancellationToken cancellationToken)
    {
        if (servers.Find(serverName) is not { } server)
        {
            return null;
        }

        var to = admin.FindFirstValue(ClaimTypes.Email) ?? admin.Identity?.Name ?? "";
        var message = new MimeMessage
        {
            Subject = $"Test message through {server.Name}",
            Date = time.GetUtcNow(),
            Body = new TextPart("plain") { Text = $"This message went through the mail server {server.Name} ({server.Address}) at {time.GetUtcNow():u}." },
        };
        message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        using var slot = await servers.ReserveOnAsync(server, cancellationToken);
        try
        {
            await time.DelayUntilAsync(slot.At, cancellationToken);
            return await server.SendAsync(message, cancellationToken);
        }
        catch (ServerUnavailableException exception)
        {
            return new Delivery.Rejected(exception.Message);
        }
    }
}
