namespace NonprofitPortal.Features.Drafts;

/// <param name="Recipients">Who will receive the email.</param>
/// <param name="OptedOut">Selected but opted out: left out.</param>
public sealed record RecipientCount(int Recipients, int OptedOut);
