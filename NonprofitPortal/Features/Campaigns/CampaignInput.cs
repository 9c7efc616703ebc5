using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>What to send: a draft's content, or a one-shot send's. Frozen into the campaign at launch.</summary>
public sealed record CampaignInput(string Name, long? DraftId, string SubjectTemplate, string BodyTemplate, RecipientSelection Recipients, IReadOnlyList<string> Cc)
{
    /// <summary>When to start sending; null for at once. Must be in the future.</summary>
    public DateTimeOffset? SendAt { get; init; }

    public LayoutChoice Layout { get; init; } = LayoutChoice.Default;

    /// <summary>What its messages track; null for <c>Tracking:Opens</c> and <c>Tracking:Clicks</c>.</summary>
    public TrackingChoice? Tracking { get; init; }
    /// <summary>Media library files every message carries, in order (a draft's attachments).</summary>
    public IReadOnlyList<AttachedFile> Attachments { get; init; } = [];
}
