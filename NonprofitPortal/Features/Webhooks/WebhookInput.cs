namespace NonprofitPortal.Features.Webhooks;

/// <summary>What an admin sets on an endpoint.</summary>
public sealed record WebhookInput(string? Url, IReadOnlyList<string>? Events, bool Enabled);
