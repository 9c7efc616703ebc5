using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts;

/// <param name="Recipients">Who will receive the email.</param>
/// <param name="OptedOut">Selected but opted out: left out.</param>
/// <param name="SuppressedBy">Selected, not opted out, but suppressed: left out, counted by <see cref="SuppressionReasons"/>.</param>
public sealed record RecipientCount(int Recipients, int OptedOut, IReadOnlyDictionary<string, int>? SuppressedBy = null)
{
    public int Suppressed => SuppressedBy?.Values.Sum() ?? 0;

    public int SuppressedFor(string reason) => SuppressedBy?.GetValueOrDefault(reason) ?? 0;
}
