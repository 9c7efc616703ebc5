namespace NonprofitPortal.Features.Webhooks.Api;

public sealed record WebhookResponse(
    long Id, string Url, IReadOnlyList<string> Events, bool Enabled, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, string? DisabledReason)
{
    public static WebhookResponse From(WebhookSummary s) => new(s.Id, s.Url, s.Events, s.Enabled, s.CreatedBy, s.CreatedAt, s.DisabledAt, s.DisabledReason);
}

/// <summary>The 201 of <c>POST /api/webhooks</c>: the one answer that carries the secret.</summary>
public sealed record CreatedWebhookResponse(
    long Id, string Url, IReadOnlyList<string> Events, bool Enabled, string CreatedBy, DateTimeOffset CreatedAt, string Secret)
{
    public static CreatedWebhookResponse From(CreatedWebhook created) =>
        new(created.Endpoint.Id, created.Endpoint.Url, created.Endpoint.Events, created.Endpoint.Enabled, created.Endpoint.CreatedBy, created.Endpoint.CreatedAt, created.Secret);
}
