namespace NonprofitPortal.Features.Bounces.Mailboxes;

public enum MailboxProtocol
{
    Imap,
    Pop3,
}
