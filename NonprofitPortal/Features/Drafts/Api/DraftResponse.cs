using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts.Api;

public sealed record DraftResponse(
    long Id,
    string Name,
    string SubjectTemplate,
    string BodyTemplate,
    RecipientsDto Recipients,
    IReadOnlyList<string> Cc,
    RecipientCount RecipientCount,
    string CreatedBy,
    string UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? LayoutId,
    bool UseLayout,
    TrackingChoice Tracking,
    IReadOnlyList<long> Attachments)
{
    public static DraftResponse From(DraftDetails draft, RecipientCount count) => new(
        draft.Id, draft.Name, draft.SubjectTemplate, draft.BodyTemplate, RecipientsDto.From(draft.Recipients), draft.Cc, count,
        draft.CreatedBy, draft.UpdatedBy, draft.CreatedAt, draft.UpdatedAt, draft.Layout.LayoutId, draft.Layout.UseLayout, draft.Tracking,
        draft.Attachments.Select(a => a.MediaId).ToList());
}
