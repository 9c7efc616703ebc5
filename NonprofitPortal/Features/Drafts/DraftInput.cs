using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts;

public sealed record DraftInput(string? Name, string? SubjectTemplate, string? BodyTemplate, RecipientSelection Recipients, IReadOnlyList<string> Cc)
{
    public LayoutChoice Layout { get; init; } = LayoutChoice.Default;

    /// <summary>What its campaign will track; what is left out stays as the draft says (for a new one, <c>Tracking:*</c>).</summary>
    public TrackingRequest? Tracking { get; init; }
    /// <summary>Ids of media files, in the order they are attached.</summary>
    public IReadOnlyList<long> Attachments { get; init; } = [];
}
