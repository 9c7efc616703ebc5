namespace NonprofitPortal.Features.Campaigns;

/// <summary>One message of a campaign to one nonprofit: a row of the pending-sends table that workers claim, send and record.</summary>
public sealed class EmailSend
{
    public long Id { get; set; }

    public long CampaignId { get; set; }

    /// <summary>Null once the nonprofit is deleted: the history stays, and a message not yet sent is skipped.</summary>
    public long? NonprofitId { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>The nonprofit's tags at launch, separated by semicolons.</summary>
    public string Tags { get; set; } = "";

    public SendStatus Status { get; set; }

    /// <summary>Counted when a worker claims the row, so a message that crashes its worker still runs out of attempts.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? MessageId { get; set; }

    /// <summary>The SMTP server (or pickup folder) that accepted the message.</summary>
    public string? ServerName { get; set; }

    /// <summary>What the server answered on accepting it, usually with its queue id.</summary>
    public string? ServerReply { get; set; }
}
