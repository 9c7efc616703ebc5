namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>Everything a template can see: one nonprofit, the foundation, the sender, the day of sending.</summary>
public sealed record TemplateModel(
    NonprofitValues Nonprofit,
    FoundationValues Foundation,
    SenderValues Sender,
    string UnsubscribeUrl,
    DateOnly Today);
