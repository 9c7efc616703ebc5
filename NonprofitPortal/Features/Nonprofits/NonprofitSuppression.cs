using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Webhooks;

namespace NonprofitPortal.Features.Nonprofits;

/// <summary>
/// Stops and allows mail to a nonprofit: suppression (its address bounces, or staff said so) and
/// opting out (a complaint). Each change is one conditional update, so reports arriving together
/// change a nonprofit once, and each change is audited.
/// </summary>
public sealed class NonprofitSuppression(IDbContextFactory<AppDbContext> contextFactory, NonprofitDirectory directory, AuditLog auditLog, WebhookOutbox webhooks, TimeProvider time)
{
    /// <summary>Suppresses the nonprofit unless it already is; true when this call changed it.</summary>
    /// <param name="detail">What caused it (the server's reply), for the audit log.</param>
    public async Task<bool> SuppressAsync(long nonprofitId, string reason, Actor actor, string? detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Nonprofits
            .Where(n => n.Id == nonprofitId && n.SuppressedAt == null)
            .ExecuteUpdateAsync(n => n
                .SetProperty(x => x.SuppressedAt, now)
                .SetProperty(x => x.SuppressionReason, reason)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken) == 1;
        await ReportAsync(db, changed, WebhookEventTypes.NonprofitSuppressed, nonprofitId, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (changed)
        {
            await AuditAsync(db, nonprofitId, actor, NonprofitAuditActions.Suppressed, $"{reason}{(detail is null ? "" : $": {detail}")}", cancellationToken);
        }

        return changed;
    }

    /// <summary>Staff stop mail to a nonprofit by hand.</summary>
    public async Task<OperationResult<NonprofitSummary>> SuppressByHandAsync(long nonprofitId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(nonprofitId, cancellationToken) is null)
        {
            return OperationResult<NonprofitSummary>.From(NotFound());
        }

        await SuppressAsync(nonprofitId, SuppressionReasons.Manual, Actor.From(user), null, cancellationToken);
        return OperationResult<NonprofitSummary>.Ok((await directory.FindAsync(nonprofitId, cancellationToken))!);
    }

    /// <summary>"Allow again": mail may go to the nonprofit, and its soft bounces so far no longer count.</summary>
    public async Task<OperationResult<NonprofitSummary>> UnsuppressAsync(long nonprofitId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var before = await db.Nonprofits.Where(n => n.Id == nonprofitId).Select(n => new { n.SuppressionReason }).SingleOrDefaultAsync(cancellationToken);
        if (before is null)
        {
            return OperationResult<NonprofitSummary>.From(NotFound());
        }

        var changed = await db.Nonprofits
            .Where(n => n.Id == nonprofitId && n.SuppressedAt != null)
            .ExecuteUpdateAsync(n => n
                .SetProperty(x => x.SuppressedAt, (DateTimeOffset?)null)
                .SetProperty(x => x.SuppressionReason, (string?)null)
                .SetProperty(x => x.SuppressionClearedAt, now)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken) == 1;
        if (changed)
        {
            await AuditAsync(db, nonprofitId, Actor.From(user), NonprofitAuditActions.Unsuppressed, $"was {before.SuppressionReason}", cancellationToken);
        }

        return OperationResult<NonprofitSummary>.Ok((await directory.FindAsync(nonprofitId, cancellationToken))!);
    }

    /// <summary>Opts the nonprofit out unless it already is (a complaint); true when this call changed it.</summary>
    public async Task<bool> OptOutAsync(long nonprofitId, Actor actor, string? detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Nonprofits
            .Where(n => n.Id == nonprofitId && n.OptedOutAt == null)
            .ExecuteUpdateAsync(n => n
                .SetProperty(x => x.OptedOutAt, now)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken) == 1;
        await ReportAsync(db, changed, WebhookEventTypes.NonprofitUnsubscribed, nonprofitId, "complaint", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (changed)
        {
            await AuditAsync(db, nonprofitId, actor, NonprofitAuditActions.OptedOut, detail, cancellationToken);
        }

        return changed;
    }

    /// <summary>Adds the webhook event for a change this call made, in its transaction.</summary>
    private async Task ReportAsync(AppDbContext db, bool changed, string type, long nonprofitId, string reason, CancellationToken cancellationToken)
    {
        if (changed && await webhooks.NonprofitAsync(db, type, nonprofitId, reason, cancellationToken) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task AuditAsync(AppDbContext db, long nonprofitId, Actor actor, string action, string? details, CancellationToken cancellationToken)
    {
        var subject = await db.Nonprofits.Where(n => n.Id == nonprofitId).Select(n => n.Name + " <" + n.Email + ">").SingleAsync(cancellationToken);
        await auditLog.RecordAsync(actor, action, subject, details, cancellationToken);
    }

    private static OperationResult NotFound() => OperationResult.NotFound("That nonprofit does not exist (any more).");
}
