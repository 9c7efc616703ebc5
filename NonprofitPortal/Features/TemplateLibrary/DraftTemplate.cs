namespace NonprofitPortal.Features.TemplateLibrary;

/// <summary>A reusable start for a draft: its subject and body templates, layout, CC and attachments, without recipients.</summary>
public sealed class DraftTemplate
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string SubjectTemplate { get; set; } = "";

    public string BodyTemplate { get; set; } = "";

    /// <summary>The layout chosen for it; null for the default layout. Set to null when that layout is deleted.</summary>
    public long? LayoutId { get; set; }

    /// <summary>False to send the body as it is, in no layout.</summary>
    public bool UseLayout { get; set; } = true;

    /// <summary>The CC addresses, separated by semicolons.</summary>
    public string CcAddresses { get; set; } = "";

    /// <summary>Files from the media library that drafts made from it attach, in <see cref="DraftTemplateAttachment.Position"/> order.</summary>
    public List<DraftTemplateAttachment> Attachments { get; set; } = [];

    public string CreatedBy { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}
