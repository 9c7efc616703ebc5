namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>Everything a template can see: one nonprofit, the foundation, the sender, the day of sending, the recipient's links (tracked ones too).</summary>
public sealed record TemplateModel(
    NonprofitValues Nonprofit,
    FoundationValues Foundation,
    SenderValues Sender,
    string UnsubscribeUrl,
    DateOnly Today)
{
    /// <summary>The page that shows this recipient's message as sent.</summary>
    public string WebVersionUrl { get; init; } = "";

    /// <summary>Where a tracked campaign's links and open pixel point in this message; none for a preview.</summary>
    public TrackingValues Tracking { get; init; } = TrackingValues.None;
}
