namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>One mailbox that bounces and complaints arrive in (<c>Bounces:Mailboxes:N:*</c>).</summary>
public sealed class BounceMailboxOptions
{
    public const string DefaultFolder = "INBOX";

    /// <summary>Shown on the admin page and recorded as each event's source.</summary>
    public string Name { get; set; } = "";

    public MailboxProtocol Protocol { get; set; } = MailboxProtocol.Imap;

    public string Host { get; set; } = "";

    /// <summary>0: the protocol's usual port (IMAP 143 / 993 with TLS, POP3 110 / 995 with TLS).</summary>
    public int Port { get; set; }

    /// <summary>TLS from the start on 993 and 995, STARTTLS on any other port.</summary>
    public bool UseTls { get; set; }

    public string User { get; set; } = "";

    public string? Password { get; set; }

    /// <summary>The IMAP folder read; POP3 has only the inbox.</summary>
    public string Folder { get; set; } = DefaultFolder;

    /// <summary>IMAP: processed messages are moved here (created when missing). Unset: they are deleted.</summary>
    public string? ProcessedFolder { get; set; }

    public int EffectivePort => Port != 0 ? Port : (Protocol, UseTls) switch
    {
        (MailboxProtocol.Imap, false) => 143,
        (MailboxProtocol.Imap, true) => 993,
        (MailboxProtocol.Pop3, false) => 110,
        _ => 995,
    };
}
