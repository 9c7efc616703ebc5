using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns;

namespace NonprofitPortal.Features.Webhooks;

/// <summary>
/// Where other features report what happened. Each method adds one outbox row per subscribed
/// endpoint to the caller's context, unsaved: the caller's <c>SaveChanges</c>, inside the
/// transaction of the change itself, writes them, so an event is sent if and only if its change
/// committed. Nothing is read or added when no endpoint subscribes.
/// </summary>
public sealed class WebhookOutbox(WebhookSubscriptions subscriptions, TimeProvider time)
{
    /// <summary>A campaign changed status (<see cref="WebhookEventTypes.CampaignStarted"/>, completed or cancelled); call after the change, in its transaction.</summary>
    public async Task<int> CampaignAsync(AppDbContext db, string type, long campaignId, CancellationToken cancellationToken)
    {
        var endpoints = await subscriptions.EndpointsForAsync(db, type, cancellationToken);
        if (endpoints.Count == 0)
        {
            return 0;
        }

        var data = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == campaignId)
            .Select(c => new { c.Id, c.Name, c.Status, c.Total, c.Sent, c.Failed, c.Skipped, c.StartedAt, c.CompletedAt })
            .SingleAsync(cancellationToken);
        return Add(db, type, endpoints, [new CampaignEventData(data.Id, data.Name, CampaignStatusName(data.Status), data.Total, data.Sent, data.Failed, data.Skipped, data.StartedAt, data.CompletedAt)]);
    }

    /// <summary>Messages failed for good (<see cref="WebhookEventTypes.SendFailed"/>): one event each, added in one go.</summary>
    public async Task<int> SendsFailedAsync(AppDbContext db, IReadOnlyCollection<(long SendId, string? Error)> failed, CancellationToken cancellationToken)
    {
        if (failed.Count == 0)
        {
            return 0;
        }

        var endpoints = await subscriptions.EndpointsForAsync(db, WebhookEventTypes.SendFailed, cancellationToken);
        if (endpoints.Count == 0)
        {
            return 0;
        }

        var ids = failed.Select(f => f.SendId).ToList();
        var sends = await db.EmailSends.AsNoTracking()
            .Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new { s.Id, s.CampaignId, s.NonprofitId, s.Email })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var events = failed
            .Where(f => sends.ContainsKey(f.SendId))
            .Select(f => (object)new SendFailedData(sends[f.SendId].CampaignId, f.SendId, sends[f.SendId].NonprofitId, sends[f.SendId].Email, f.Error))
            .ToList();
        return Add(db, WebhookEventTypes.SendFailed, endpoints, events);
    }

    /// <summary>A nonprofit was opted out or suppressed (<see cref="WebhookEventTypes.NonprofitUnsubscribed"/>, <see cref="WebhookEventTypes.NonprofitSuppressed"/>).</summary>
    public async Task<int> NonprofitAsync(AppDbContext db, string type, long nonprofitId, string reason, CancellationToken cancellationToken)
    {
        var endpoints = await subscriptions.EndpointsForAsync(db, type, cancellationToken);
        if (endpoints.Count == 0)
        {
            return 0;
        }

        var nonprofit = await db.Nonprofits.AsNoTracking().Where(n => n.Id == nonprofitId).Select(n => new { n.Name, n.Email }).SingleOrDefaultAsync(cancellationToken);
        return nonprofit is null ? 0 : Add(db, type, endpoints, [new NonprofitEventData(nonprofitId, nonprofit.Name, nonprofit.Email, reason)]);
    }

    /// <summary>A test event for one endpoint, whatever it subscribes to.</summary>
    public void Test(AppDbContext db, long endpointId, string requestedBy) =>
        Add(db, WebhookEventTypes.Test, [endpointId], [new { message = "A test event from NonprofitPortal.", requestedBy }]);

    private int Add(AppDbContext db, string type, IReadOnlyList<long> endpoints, IReadOnlyList<object> events)
    {
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var data in events)
        {
            var eventId = "evt_" + Guid.CreateVersion7(now).ToString("N");
            var body = JsonSerializer.Serialize(new { id = eventId, type, createdAt = now, data }, JsonSerializerOptions.Web);
            foreach (var endpointId in endpoints)
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    EndpointId = endpointId,
                    EventId = eventId,
                    Type = type,
                    CreatedAt = now,
                    Body = body,
                    Status = WebhookDeliveryStatus.Pending,
                    NextAttemptAt = now,
                });
                added++;
            }
        }

        return added;
    }

    private static string CampaignStatusName(CampaignStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
