namespace NonprofitPortal.Features.Nonprofits;

/// <summary>One entry of a nonprofit's history: <paramref name="Type"/> is one of <see cref="NonprofitEventTypes"/>.</summary>
public sealed record NonprofitEvent(DateTimeOffset At, string Type, long? CampaignId, string? Detail);
