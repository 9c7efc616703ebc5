namespace NonprofitPortal.Features.Campaigns.Api;

/// <summary>A one-shot send: templates written in the request rather than saved as a draft.</summary>
public sealed record CampaignRequest(string? Name, string? Subject, string? Body, CampaignRecipientsDto? Recipients, IReadOnlyList<string>? Cc);
