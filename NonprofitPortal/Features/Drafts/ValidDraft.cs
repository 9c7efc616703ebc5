using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Features.Drafts;

public sealed record ValidDraft(string Name, string SubjectTemplate, string BodyTemplate, RecipientSelection Recipients, IReadOnlyList<string> Cc)
{
    public LayoutChoice Layout { get; init; } = LayoutChoice.Default;

    public IReadOnlyList<long> Attachments { get; init; } = [];
}
