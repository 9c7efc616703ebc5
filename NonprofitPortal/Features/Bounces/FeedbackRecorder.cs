using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces.Parsing;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Bounces;

/// <summary>
/// Records what a report says about one of our messages: the event (once per source and report,
/// whoever reads it and however often), the campaign's counter (once per message), then what the
/// <see cref="SuppressionPolicy"/> decides for the nonprofit, through the Nonprofits feature.
/// </summary>
public sealed partial class FeedbackRecorder(
    IDbContextFactory<AppDbContext> contextFactory,
    SendMatcher matcher,
    NonprofitSuppression suppression,
    IOptions<BounceOptions> options,
    TimeProvider time,
    ILogger<FeedbackRecorder> logger)
{
    /// <param name="source">The mailbox's name or the provider: recorded with the event and as the audit log's actor.</param>
    /// <param name="byRecipient">Whether the recipient address alone may identify the message (a verified provider's word).</param>
    public async Task<RecordedFeedback> RecordAsync(FeedbackReport report, string source, bool byRecipient, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await matcher.MatchAsync(db, report, byRecipient, cancellationToken) is not { } send)
        {
            LogNotOurs(source, report.OriginalMessageId, report.Recipient);
            return RecordedFeedback.NotOurs;
        }

        if (report.Recipient is { } recipient && !string.Equals(recipient, send.Email, StringComparison.OrdinalIgnoreCase))
        {
            return RecordedFeedback.AboutACopy;
        }

        return await RecordAsync(db, send, report.EventKind, report.Detail, source, report.ExternalId, cancellationToken);
    }

    /// <summary>A server refused the message outright (5xx) while it was being sent: a hard bounce with the server's reply.</summary>
    public async Task<RecordedFeedback> RecordRejectionAsync(MatchedSend send, string reply, CancellationToken cancellationToken)
    {
        if (BounceClassifier.FromText(reply) is not { Class: BounceClass.Hard })
        {
            return RecordedFeedback.NotOurs;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await RecordAsync(db, send, DeliveryEventKind.HardBounce, reply, "smtp", $"rejected-{send.SendId}", cancellationToken);
    }

    private async Task<RecordedFeedback> RecordAsync(
        AppDbContext db, MatchedSend send, DeliveryEventKind kind, string detail, string source, string externalId, CancellationToken cancellationToken)
    {
        source = source.Length <= DeliveryEvent.MaxSourceLength ? source : source[..DeliveryEvent.MaxSourceLength];
        if (await db.DeliveryEvents.AnyAsync(e => e.Source == source && e.ExternalId == externalId, cancellationToken))
        {
            return RecordedFeedback.AlreadyRecorded;
        }

        var isComplaint = kind == DeliveryEventKind.Complaint;
        var firstOfItsKind = !await db.DeliveryEvents.AnyAsync(
            e => e.SendId == send.SendId && (isComplaint ? e.Kind == DeliveryEventKind.Complaint : e.Kind == DeliveryEventKind.HardBounce || e.Kind == DeliveryEventKind.SoftBounce),
            cancellationToken);
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.DeliveryEvents.Add(new DeliveryEvent
            {
                SendId = send.SendId,
                CampaignId = send.CampaignId,
                NonprofitId = send.NonprofitId,
                Kind = kind,
                Detail = detail.Length <= DeliveryEvent.MaxDetailLength ? detail : detail[..DeliveryEvent.MaxDetailLength],
                Source = source,
                ExternalId = externalId,
                At = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same report, read by someone else at the same moment?
                if (await IsRecordedAsync(externalId, source, cancellationToken))
                {
                    return RecordedFeedback.AlreadyRecorded;
                }

                throw;
            }

            if (firstOfItsKind)
            {
                await CampaignFeedback.CountAsync(db, send.CampaignId, isComplaint ? 0 : 1, isComplaint ? 1 : 0, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        LogRecorded(kind, send.SendId, send.CampaignId, source);
        if (send.NonprofitId is { } nonprofitId)
        {
            await ApplyPolicyAsync(db, nonprofitId, send.Email, kind, detail, source, now, cancellationToken);
        }

        return RecordedFeedback.Recorded;
    }

    private async Task ApplyPolicyAsync(
        AppDbContext db, long nonprofitId, string bouncedEmail, DeliveryEventKind kind, string detail, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nonprofit = await db.Nonprofits
            .Where(n => n.Id == nonprofitId)
            .Select(n => new { n.NormalizedEmail, Suppressed = n.SuppressedAt != null, OptedOut = n.OptedOutAt != null, n.SuppressionClearedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (nonprofit is null)
        {
            return;
        }

        var policy = options.Value.Policy;
        var since = policy.CountSoftBouncesSince(now, nonprofit.SuppressionClearedAt);
        var softBounces = kind == DeliveryEventKind.SoftBounce
            ? await db.DeliveryEvents.CountAsync(e => e.NonprofitId == nonprofitId && e.Kind == DeliveryEventKind.SoftBounce && e.At >= since, cancellationToken)
            : 0;
        var standing = new RecipientStanding(nonprofit.Suppressed, nonprofit.OptedOut, nonprofit.NormalizedEmail == NonprofitRules.NormalizeEmail(bouncedEmail));
        var actor = new Actor(null, $"bounces ({source})");
        switch (policy.Decide(kind, standing, softBounces))
        {
            case SuppressionVerdict.SuppressForHardBounce:
                await suppression.SuppressAsync(nonprofitId, SuppressionReasons.HardBounce, actor, detail, cancellationToken);
                break;
            case SuppressionVerdict.SuppressForSoftBounces:
                await suppression.SuppressAsync(nonprofitId, SuppressionReasons.SoftBounces, actor, $"{softBounces} soft bounces since {since:yyyy-MM-dd}, the last: {detail}", cancellationToken);
                break;
            case SuppressionVerdict.OptOut:
                await suppression.OptOutAsync(nonprofitId, actor, $"complaint: {detail}", cancellationToken);
                break;
        }
    }

    private async Task<bool> IsRecordedAsync(string externalId, string source, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.DeliveryEvents.AnyAsync(e => e.Source == source && e.ExternalId == externalId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded a {Kind} for send {SendId} of campaign {CampaignId} from {Source}")]
    private partial void LogRecorded(DeliveryEventKind kind, long sendId, long campaignId, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "A report from {Source} matches no message of ours (Message-ID {MessageId}, recipient {Recipient})")]
    private partial void LogNotOurs(string source, string? messageId, string? recipient);
}
