namespace NonprofitPortal.Features.TemplateLibrary;

/// <summary>A file from the media library that a template passes on to its drafts, in its place in the list.</summary>
public sealed class DraftTemplateAttachment
{
    public long TemplateId { get; set; }

    public long MediaFileId { get; set; }

    public int Position { get; set; }
}
