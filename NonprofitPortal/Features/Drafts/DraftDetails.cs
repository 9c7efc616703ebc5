using NonprofitPortal.Features.Layouts;

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
}
