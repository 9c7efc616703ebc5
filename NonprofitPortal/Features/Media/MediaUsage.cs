namespace NonprofitPortal.Features.Media;

/// <summary>Where a file shows: campaigns already launched (frozen), drafts, layouts and templates (still editable).</summary>
public sealed record MediaUsage(int Campaigns, int Drafts, int Layouts, int Templates)
{
    public static MediaUsage None { get; } = new(0, 0, 0, 0);
}
