using MimeKit;

namespace NonprofitPortal.Features.Sending;

/// <summary>Delivers one finished message: through SMTP, or into the pickup folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
