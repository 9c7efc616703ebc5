namespace NonprofitPortal.Features.Nonprofits.Api;

public sealed record NonprofitEventResponse(DateTimeOffset At, string Type, long? CampaignId, string? Detail)
{
    public static NonprofitEventResponse From(NonprofitEvent entry) => new(entry.At, entry.Type, entry.CampaignId, entry.Detail);
}
