using MailKit.Security;

namespace NonprofitPortal.Features.Bounces.Mailboxes;

internal static class MailboxSecurity
{
    /// <summary>TLS from the start on the protocols' TLS ports (993, 995), STARTTLS elsewhere; none without <c>UseTls</c>.</summary>
    public static SecureSocketOptions For(BounceMailboxOptions mailbox) => mailbox switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { EffectivePort: 993 or 995 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
