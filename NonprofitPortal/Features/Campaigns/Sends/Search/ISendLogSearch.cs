using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns.Sends.Search;

/// <summary>Where a word search of a campaign's log starts: each provider's own text index over the recipients' names and emails.</summary>
public interface ISendLogSearch
{
    /// <summary>
    /// Up to <paramref name="take"/> ids of the campaign's sends after <paramref name="after"/>, in send
    /// order, whose name or email has words starting with every search word.
    /// </summary>
    Task<List<long>> PageAsync(
        AppDbContext db, long campaignId, SendSearchWords words, SendStatus? status, long? after, int take, CancellationToken cancellationToken);
}
