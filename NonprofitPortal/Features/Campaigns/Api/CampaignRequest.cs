using NonprofitPortal.Features.Drafts.Api;
using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns.Api;

/// <summary>A one-shot send: templates written in the request rather than saved as a draft.</summary>
/// <param name="SendAt">When to start sending, ISO 8601 with an offset (<c>2026-12-01T09:00:00+01:00</c>); omitted or null for at once.</param>
/// <param name="LayoutId">The layout to send the body in; with <paramref name="UseLayout"/> true and no id, the default layout.</param>
/// <param name="UseLayout">True to send the body in a layout; omitted means true when <paramref name="LayoutId"/> is given, false otherwise (the body as sent).</param>
/// <param name="Tracking">What its messages track; what is left out takes <c>Tracking:Opens</c> / <c>Tracking:Clicks</c> (both false unless configured).</param>
public sealed record CampaignRequest(
    string? Name, string? Subject, string? Body, CampaignRecipientsDto? Recipients, IReadOnlyList<string>? Cc, string? SendAt = null, long? LayoutId = null, bool? UseLayout = null,
    TrackingRequest? Tracking = null) : IApiExample<CampaignRequest>
{
    public static CampaignRequest Example => new("Office closed on Friday", "Our office is closed on Friday", "<p>Dear {{ nonprofit.name }}, our office is closed this Friday.</p>", new CampaignRecipientsDto(false, null, ["hello@kidsandco.example"], new RecipientFilterDto(null, null, "bristol")), [], "2026-12-01T09:00:00+01:00");
}
