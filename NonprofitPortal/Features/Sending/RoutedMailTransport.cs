using MimeKit;
using NonprofitPortal.Features.Sending.Transport;

namespace NonprofitPortal.Features.Sending;

/// <summary>Sends one message at once (account mail, tests to oneself) through the same servers, pace and breakers as campaigns.</summary>
internal sealed class RoutedMailTransport(MailServers servers, Dkim.MessageSigner signer, TimeProvider time) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        signer.Sign(message);
        var tried = new List<MailServer>();
        var errors = new List<string>();
        while (await servers.ReserveAsync(tried, cancellationToken) is { } slot)
        {
            using (slot)
            {
                try
                {
                    await time.DelayUntilAsync(slot.At, cancellationToken);
                    var delivery = await slot.Server.SendAsync(message, cancellationToken);
                    if (delivery is Delivery.Accepted)
                    {
                        return;
                    }

                    throw new MailNotSentException($"{slot.Server.Name} did not take the message: {delivery.Reply}");
                }
                catch (ServerUnavailableException exception)
                {
                    tried.Add(slot.Server);
                    errors.Add(exception.Message);
                }
            }
        }

        throw new MailNotSentException(errors.Count > 0
            ? $"No mail server took the message: {string.Join("; ", errors)}"
            : "Every mail server is set aside after failing; try again in a little while.");
    }
}
