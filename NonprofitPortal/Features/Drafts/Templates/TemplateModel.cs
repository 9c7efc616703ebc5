namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>Everything a template can see: one nonprofit, the foundation, the sender, the day of sending, the recipient's links.</summary>
public sealed record TemplateModel(
    NonprofitValues Nonprofit,
    FoundationValues Foundation,
    SenderValues Sender,
    string UnsubscribeUrl,
    DateOnly Today)
{
    /// <summary>The page that shows this recipient's message as sent.</summary>
    public string WebVersionUrl { get; init; } = "";
}
