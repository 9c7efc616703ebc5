using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Drafts.Api;

public sealed record DraftListItem(long Id, string Name, string UpdatedBy, DateTimeOffset UpdatedAt, RecipientCount RecipientCount) : IApiExample<DraftListItem>
{
    public static DraftListItem Example => new(27, "Spring grant round", "grants@foundation.example", new DateTimeOffset(2026, 2, 3, 16, 45, 0, TimeSpan.Zero), new RecipientCount(212, 3));

    public static DraftListItem From(DraftSummary draft) => new(draft.Id, draft.Name, draft.UpdatedBy, draft.UpdatedAt, draft.Recipients);
}
