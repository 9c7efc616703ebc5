namespace NonprofitPortal.Features.Drafts;

/// <summary>A file from the media library that goes with every message of the draft, in its place in the list.</summary>
public sealed class DraftAttachment
{
    public long DraftId { get; set; }

    public long MediaFileId { get; set; }

    public int Position { get; set; }
}
