using NonprofitPortal.Features.Drafts.Api;

namespace NonprofitPortal.Features.Campaigns.Api;

/// <summary>Who receives a one-shot send: <c>all</c>, or nonprofits by <c>ids</c> and <c>emails</c>, plus those a <c>filter</c> covers.</summary>
public sealed record CampaignRecipientsDto(bool All, IReadOnlyList<long>? Ids, IReadOnlyList<string>? Emails, RecipientFilterDto? Filter);
