using NonprofitPortal.Features.Operations.ApiDocs;
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
    IReadOnlyList<long> Attachments) : IApiExample<DraftResponse>
{
    public static DraftResponse Example => new(
        27, "Spring grant round", "The spring grant round is open, {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }},</p><p>Applications are open until 31 March.</p>",
        new RecipientsDto(false, [1042, 1043], new RecipientFilterDto(null, null, "education")), ["programmes@foundation.example"],
        new RecipientCount(212, 3, new Dictionary<string, int> { ["hard-bounce"] = 1 }), "grants@foundation.example", "grants@foundation.example",
        new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 3, 16, 45, 0, TimeSpan.Zero), null, true, new TrackingChoice(false, true), [57]);

    public static DraftResponse From(DraftDetails draft, RecipientCount count) => new(
        draft.Id, draft.Name, draft.SubjectTemplate, draft.BodyTemplate, RecipientsDto.From(draft.Recipients), draft.Cc, count,
        draft.CreatedBy, draft.UpdatedBy, draft.CreatedAt, draft.UpdatedAt, draft.Layout.LayoutId, draft.Layout.UseLayout, draft.Tracking,
        draft.Attachments.Select(a => a.MediaId).ToList());
}
