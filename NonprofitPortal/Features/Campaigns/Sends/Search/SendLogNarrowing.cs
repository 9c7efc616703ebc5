namespace NonprofitPortal.Features.Campaigns.Sends.Search;

internal static class SendLogNarrowing
{
    /// <summary>Only sends in <paramref name="status"/> (any when null), after the cursor's <paramref name="after"/>.</summary>
    public static IQueryable<EmailSend> Narrowed(this IQueryable<EmailSend> sends, SendStatus? status, long? after)
    {
        if (status is { } only)
        {
            sends = sends.Where(s => s.Status == only);
        }

        return after is { } lastId ? sends.Where(s => s.Id > lastId) : sends;
    }
}
