namespace NonprofitPortal.Features.Campaigns;

/// <summary>A draft frozen at the moment it was sent, with exact counters of what became of its messages.</summary>
public sealed class Campaign
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The draft it was sent from; null for a one-shot send through the API. Not a foreign key: drafts may be deleted.</summary>
    public long? DraftId { get; set; }

    public string SubjectTemplate { get; set; } = "";

    /// <summary>
    /// What every message renders: the draft's body in its layout, made email-safe and with the
    /// layout's styles inlined, once, at launch.
    /// </summary>
    public string BodyTemplate { get; set; } = "";

    /// <summary>The draft's body as written, before the layout went around it; null for campaigns launched before layouts.</summary>
    public string? ContentTemplate { get; set; }

    /// <summary>The layout the body went out in, frozen at launch; null for none. Not a foreign key: layouts may be deleted.</summary>
    public long? LayoutId { get; set; }

    public string? LayoutName { get; set; }

    /// <summary>The CC addresses, separated by semicolons.</summary>
    public string CcAddresses { get; set; } = "";

    public string SenderName { get; set; } = "";

    public string SenderEmail { get; set; } = "";

    public CampaignStatus Status { get; set; }

    public int Total { get; set; }

    public int Sent { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }

    /// <summary>Messages that bounced after they were sent (counted once per message), or were refused with a 5xx.</summary>
    public int Bounced { get; set; }

    /// <summary>Messages whose recipient reported them as spam.</summary>
    public int Complained { get; set; }

    /// <summary>Whether its messages carry the open pixel (chosen at launch).</summary>
    public bool TrackOpens { get; set; }

    /// <summary>Whether its messages' links go through the portal (chosen at launch; the addresses are its <see cref="CampaignLink"/>s).</summary>
    public bool TrackClicks { get; set; }

    /// <summary>Every time a message's pixel was fetched, repeats included.</summary>
    public int Opens { get; set; }

    /// <summary>Messages whose pixel was fetched at least once.</summary>
    public int UniqueOpens { get; set; }

    /// <summary>Every click on a tracked link, repeats included.</summary>
    public int Clicks { get; set; }

    /// <summary>Messages with at least one tracked link clicked.</summary>
    public int UniqueClicks { get; set; }

    public string? CreatedById { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a campaign sent for later is due to start; null for one sent at once.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Who approved or rejected it, when approval was required; null otherwise.</summary>
    public string? ReviewedById { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Why an approver rejected it, for the sender to read.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>The launching user's id and their <c>Idempotency-Key</c>, so a repeated request finds this campaign.</summary>
    public string? IdempotencyKey { get; set; }

    public int Pending => Total - Sent - Failed - Skipped;

    public IReadOnlyList<string> Cc => CcAddresses.Length == 0 ? [] : CcAddresses.Split(';');
}
