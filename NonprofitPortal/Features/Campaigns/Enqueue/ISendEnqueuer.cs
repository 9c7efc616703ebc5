using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Campaigns.Enqueue;

/// <summary>Writes a campaign's pending sends in bulk, on the caller's connection and inside its transaction.</summary>
public interface ISendEnqueuer
{
    Task InsertAsync(AppDbContext db, long campaignId, DateTimeOffset dueAt, IReadOnlyList<NonprofitSummary> recipients, CancellationToken cancellationToken);
}

internal static class RecipientSnapshot
{
    public const int MaxTagsLength = 2000;

    public static string Tags(NonprofitSummary recipient)
    {
        var tags = string.Join(';', recipient.Tags);
        if (tags.Length <= MaxTagsLength)
        {
            return tags;
        }

        var lastWhole = tags.LastIndexOf(';', MaxTagsLength);
        return tags[..(lastWhole > 0 ? lastWhole : MaxTagsLength)];
    }
}
