namespace NonprofitPortal.Features.Webhooks.Api;

/// <summary><c>enabled</c> left out means true.</summary>
public sealed record WebhookRequest(string? Url, List<string>? Events, bool? Enabled)
{
    public WebhookInput ToInput() => new(Url, Events, Enabled ?? true);
}
