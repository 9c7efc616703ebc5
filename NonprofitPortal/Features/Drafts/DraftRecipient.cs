namespace NonprofitPortal.Features.Drafts;

public sealed class DraftRecipient
{
    public long DraftId { get; set; }

    public long NonprofitId { get; set; }
}
