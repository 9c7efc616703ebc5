using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Bounces.Parsing;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Bounces;

/// <summary>
/// Finds the message a report is about: by the VERP return path it was sent to (see
/// <see cref="ReturnPaths"/>), then by the original's Message-ID (ours are
/// <c>send-{id}.campaign-{campaignId}@domain</c>), then, for a provider that vouches for the
/// address, by the last message sent to the address it names.
/// </summary>
public sealed partial class SendMatcher(ReturnPaths returnPaths)
{
    public async Task<MatchedSend?> MatchAsync(AppDbContext db, FeedbackReport report, bool byRecipient, CancellationToken cancellationToken)
    {
        foreach (var address in report.ReturnPaths)
        {
            if (returnPaths.SendIdFrom(address) is { } sendId
                && await db.EmailSends.Where(s => s.Id == sendId).Select(s => new MatchedSend(s.Id, s.CampaignId, s.NonprofitId, s.Email)).SingleOrDefaultAsync(cancellationToken) is { } byReturnPath)
            {
                return byReturnPath;
            }
        }

        if (SendIdFromMessageId(report.OriginalMessageId) is { } ids
            && await FindAsync(db, ids.SendId, ids.CampaignId, cancellationToken) is { } byMessageId)
        {
            return byMessageId;
        }

        return byRecipient && report.Recipient is { } recipient ? await LastSentToAsync(db, recipient, cancellationToken) : null;
    }

    /// <summary>The send and campaign a Message-ID of ours names; null for anyone else's.</summary>
    public static (long SendId, long CampaignId)? SendIdFromMessageId(string? messageId)
    {
        if (messageId is null || OurMessageId().Match(messageId) is not { Success: true } match)
        {
            return null;
        }

        return long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sendId)
            && long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var campaignId)
            ? (sendId, campaignId)
            : null;
    }

    private static Task<MatchedSend?> FindAsync(AppDbContext db, long sendId, long campaignId, CancellationToken cancellationToken) =>
        db.EmailSends
            .Where(s => s.Id == sendId && s.CampaignId == campaignId)
            .Select(s => new MatchedSend(s.Id, s.CampaignId, s.NonprofitId, s.Email))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Through the nonprofit holding the address (its email is indexed), to its newest message.</summary>
    private static async Task<MatchedSend?> LastSentToAsync(AppDbContext db, string address, CancellationToken cancellationToken)
    {
        var normalized = NonprofitRules.NormalizeEmail(address);
        var nonprofitId = await db.Nonprofits.Where(n => n.NormalizedEmail == normalized).Select(n => (long?)n.Id).SingleOrDefaultAsync(cancellationToken);
        return nonprofitId is null ? null : await db.EmailSends
            .Where(s => s.NonprofitId == nonprofitId && s.SentAt != null)
            .OrderByDescending(s => s.Id)
            .Select(s => new MatchedSend(s.Id, s.CampaignId, s.NonprofitId, s.Email))
            .FirstOrDefaultAsync(cancellationToken);
    }

    [GeneratedRegex(@"^<?send-(\d{1,18})\.campaign-(\d{1,18})@", RegexOptions.IgnoreCase)]
    private static partial Regex OurMessageId();
}
