using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>What launching a draft would send, shown before the launch: who gets it, who is left out, the CC copies, the draft's tracking and whether it would wait for approval.</summary>
public sealed record LaunchPreview(RecipientCount Count, int CcCount, TrackingChoice Tracking, bool AwaitsApproval)
{
    /// <summary>Each recipient's message and one copy per CC address.</summary>
    public int Messages => Count.Recipients * (1 + CcCount);
}
