namespace NonprofitPortal.Features.Drafts.Api;

public sealed record DraftListItem(long Id, string Name, string UpdatedBy, DateTimeOffset UpdatedAt, RecipientCount RecipientCount)
{
    public static DraftListItem From(DraftSummary draft) => new(draft.Id, draft.Name, draft.UpdatedBy, draft.UpdatedAt, draft.Recipients);
}
