namespace NonprofitPortal.Features.Drafts.Api;

public sealed record RecipientFilterDto(string? Search, string? Domain, string? Tag);
