using MimeKit;

namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>One open channel to a server (an SMTP connection, or a writer into the pickup folder), used by one sender at a time.</summary>
public interface IMailConnection : IAsyncDisposable
{
    /// <exception cref="ServerUnavailableException">The server could not be reached or asked to be left alone.</exception>
    Task<Delivery> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
