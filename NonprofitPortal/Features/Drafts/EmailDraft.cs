using NonprofitPortal.Features.Drafts.History;

namespace NonprofitPortal.Features.Drafts;

/// <summary>An email being written: templates for subject and body, who receives it, and who is copied.</summary>
public sealed class EmailDraft
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string SubjectTemplate { get; set; } = "";

    public string BodyTemplate { get; set; } = "";

    /// <summary>The layout chosen for it; null for the default layout. Set to null when that layout is deleted.</summary>
    public long? LayoutId { get; set; }

    /// <summary>False to send the body as it is, in no layout.</summary>
    public bool UseLayout { get; set; } = true;

    /// <summary>Every nonprofit that has not opted out, whatever else is chosen.</summary>
    public bool RecipientsAll { get; set; }

    public string? RecipientsSearch { get; set; }

    public string? RecipientsDomain { get; set; }

    public string? RecipientsTag { get; set; }

    /// <summary>Nonprofits picked one by one, on top of the filter.</summary>
    public List<DraftRecipient> ChosenRecipients { get; set; } = [];

    /// <summary>Files from the media library sent with every message, in <see cref="DraftAttachment.Position"/> order.</summary>
    public List<DraftAttachment> Attachments { get; set; } = [];

    /// <summary>The CC addresses, separated by semicolons.</summary>
    public string CcAddresses { get; set; } = "";

    /// <summary>Whether its campaign will carry the open pixel (the send dialog may change it for one campaign).</summary>
    public bool TrackOpens { get; set; }

    /// <summary>Whether its campaign's links will go through the portal.</summary>
    public bool TrackClicks { get; set; }

    public string CreatedBy { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>Its newest version, as saves need it.</summary>
    public DraftHistoryHead History { get; set; } = new();
}
