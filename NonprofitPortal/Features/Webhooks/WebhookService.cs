using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;

namespace NonprofitPortal.Features.Webhooks;

/// <summary>Admins' endpoints: registering, changing, deleting and testing them, and reading their deliveries.</summary>
public sealed class WebhookService(
    IDbContextFactory<AppDbContext> contextFactory,
    WebhookAddressGuard addressGuard,
    WebhookSecrets secrets,
    WebhookSubscriptions subscriptions,
    WebhookOutbox outbox,
    AuditLog auditLog,
    TimeProvider time)
{
    public const int DeliveriesListed = 100;

    public async Task<IReadOnlyList<WebhookSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken)).Select(WebhookSummary.From).ToList();
    }

    /// <summary>The endpoints the portal turned off because a delivery kept failing: the dashboard warns admins about them.</summary>
    public async Task<IReadOnlyList<WebhookSummary>> DisabledByFailuresAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await db.WebhookEndpoints.AsNoTracking().Where(e => !e.Enabled && e.DisabledAt != null).OrderBy(e => e.Id).ToListAsync(cancellationToken))
            .Select(WebhookSummary.From).ToList();
    }

    public async Task<WebhookSummary?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is { } endpoint ? WebhookSummary.From(endpoint) : null;
    }

    public async Task<OperationResult<CreatedWebhook>> CreateAsync(WebhookInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(input, cancellationToken) is { } refusal)
        {
            return OperationResult<CreatedWebhook>.From(refusal);
        }

        var now = time.GetUtcNow();
        var secret = WebhookSecrets.New();
        var actor = Actor.From(user);
        var endpoint = new WebhookEndpoint
        {
            Url = input.Url!.Trim(),
            Events = WebhookRules.Stored(input.Events!),
            Enabled = input.Enabled,
            ProtectedSecret = secrets.Protect(secret),
            CreatedBy = actor.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.WebhookEndpoints.Add(endpoint);
        auditLog.Add(db, actor, WebhookAuditActions.Created, endpoint.Url, endpoint.Events);
        await db.SaveChangesAsync(cancellationToken);
        subscriptions.Invalidate();
        return OperationResult<CreatedWebhook>.Ok(new CreatedWebhook(WebhookSummary.From(endpoint), secret));
    }

    /// <summary>Changes the URL, events or enabled flag; enabling an endpoint the portal disabled clears why it was.</summary>
    public async Task<OperationResult<WebhookSummary>> UpdateAsync(long id, WebhookInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } endpoint)
        {
            return OperationResult<WebhookSummary>.From(NotFound());
        }

        if (await RefusalAsync(input, cancellationToken) is { } refusal)
        {
            return OperationResult<WebhookSummary>.From(refusal);
        }

        endpoint.Url = input.Url!.Trim();
        endpoint.Events = WebhookRules.Stored(input.Events!);
        if (input.Enabled && !endpoint.Enabled)
        {
            (endpoint.DisabledAt, endpoint.DisabledReason) = (null, null);
        }

        endpoint.Enabled = input.Enabled;
        endpoint.UpdatedAt = time.GetUtcNow();
        auditLog.Add(db, Actor.From(user), WebhookAuditActions.Edited, endpoint.Url, $"{endpoint.Events}; {(endpoint.Enabled ? "enabled" : "disabled")}");
        await db.SaveChangesAsync(cancellationToken);
        subscriptions.Invalidate();
        return OperationResult<WebhookSummary>.Ok(WebhookSummary.From(endpoint));
    }

    /// <summary>Deletes the endpoint and its deliveries, sent or not.</summary>
    public async Task<OperationResult> DeleteAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookEndpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } endpoint)
        {
            return NotFound();
        }

        db.WebhookEndpoints.Remove(endpoint);
        auditLog.Add(db, Actor.From(user), WebhookAuditActions.Deleted, endpoint.Url, null);
        await db.SaveChangesAsync(cancellationToken);
        subscriptions.Invalidate();
        return OperationResult.Ok();
    }

    /// <summary>Queues a <c>webhook.test</c> event for the endpoint, behind what it already has pending.</summary>
    public async Task<OperationResult> SendTestAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Id == id).Select(e => e.Url).SingleOrDefaultAsync(cancellationToken) is not { } url)
        {
            return NotFound();
        }

        var actor = Actor.From(user);
        outbox.Test(db, id, actor.Name);
        auditLog.Add(db, actor, WebhookAuditActions.Tested, url, null);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok();
    }

    /// <summary>The endpoint's latest deliveries, newest first.</summary>
    public async Task<OperationResult<IReadOnlyList<WebhookDeliveryRow>>> DeliveriesAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return OperationResult<IReadOnlyList<WebhookDeliveryRow>>.From(NotFound());
        }

        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.Id)
            .Take(DeliveriesListed)
            .Select(d => new WebhookDeliveryRow(
                d.Id, d.EventId, d.Type, d.CreatedAt, d.Status, d.Attempts, d.LastAttemptAt,
                d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
                d.ResponseStatus, d.ResponseBody, d.Error, d.DeliveredAt))
            .ToListAsync(cancellationToken);
        return OperationResult<IReadOnlyList<WebhookDeliveryRow>>.Ok(rows);
    }

    private async Task<OperationResult?> RefusalAsync(WebhookInput input, CancellationToken cancellationToken)
    {
        var errors = WebhookRules.Check(input);
        if (!errors.ContainsKey("url") && await addressGuard.RefusalAsync(input.Url!.Trim(), cancellationToken) is { } refusal)
        {
            errors["url"] = [refusal];
        }

        return errors.Count == 0 ? null : OperationResult.Invalid(errors);
    }

    private static OperationResult NotFound() => OperationResult.NotFound("That webhook endpoint does not exist.");
}
