using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Campaigns.Unsubscribe;

/// <summary>What a recipient's unsubscribe link leads to: who it is for, and opting them out.</summary>
public sealed class Unsubscriber(IDbContextFactory<AppDbContext> contextFactory, SendTokens tokens, LegacyUnsubscribeLinks legacyLinks, AuditLog auditLog, WebhookOutbox webhooks, TimeProvider time)
{
    private static readonly Actor LinkActor = new(null, "unsubscribe link");

    /// <summary>The recipient the link was made for; null when the token is not valid or the nonprofit is gone.</summary>
    public async Task<UnsubscribeTarget?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (SendIdOf(token) is not { } sendId)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EmailSends
            .Where(s => s.Id == sendId && s.NonprofitId != null)
            .Join(db.Nonprofits, s => s.NonprofitId, n => n.Id, (s, n) => new UnsubscribeTarget(n.Id, n.Name, n.Email, n.OptedOutAt != null))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Opts the link's nonprofit out (once; a second click changes nothing).</summary>
    public async Task<UnsubscribeTarget?> UnsubscribeAsync(string token, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not { } target)
        {
            return null;
        }

        if (!target.AlreadyOptedOut)
        {
            var now = time.GetUtcNow();
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Nonprofits
                .Where(n => n.Id == target.NonprofitId && n.OptedOutAt == null)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.OptedOutAt, now).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            if (changed == 1)
            {
                // In the nonprofit's history beside its bounces and complaints.
                var sendId = SendIdOf(token)!.Value;
                db.DeliveryEvents.Add(new DeliveryEvent
                {
                    SendId = sendId,
                    CampaignId = await db.EmailSends.Where(s => s.Id == sendId).Select(s => (long?)s.CampaignId).SingleOrDefaultAsync(cancellationToken),
                    NonprofitId = target.NonprofitId,
                    Kind = DeliveryEventKind.Unsubscribe,
                    Detail = "Unsubscribed with the link in the message",
                    Source = "unsubscribe link",
                    ExternalId = $"unsubscribe-{sendId}-{now.ToUnixTimeMilliseconds()}",
                    At = now,
                });
                await webhooks.NonprofitAsync(db, WebhookEventTypes.NonprofitUnsubscribed, target.NonprofitId, "unsubscribe-link", cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await auditLog.RecordAsync(LinkActor, CampaignAuditActions.Unsubscribed, target.Name, target.Email, cancellationToken);
            }
        }

        return target with { AlreadyOptedOut = true };
    }

    private long? SendIdOf(string token) => tokens.TryRead(SendTokenPurpose.Unsubscribe, token, out var id) ? id : legacyLinks.SendIdFrom(token);
}

public sealed record UnsubscribeTarget(long NonprofitId, string Name, string Email, bool AlreadyOptedOut);
