using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts;

public sealed record DraftDetails(
    long Id,
    string Name,
    string SubjectTemplate,
    string BodyTemplate,
    RecipientSelection Recipients,
    IReadOnlyList<string> Cc,
    string CreatedBy,
    string UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public LayoutChoice Layout { get; init; } = LayoutChoice.Default;

    public TrackingChoice Tracking { get; init; } = TrackingChoice.None;
    public IReadOnlyList<AttachedFile> Attachments { get; init; } = [];
}
