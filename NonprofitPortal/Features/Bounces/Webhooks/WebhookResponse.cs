namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <param name="Recorded">Reports that were new and matched a message of ours.</param>
/// <param name="Ignored">Reports already recorded, about other mail, or about a copy.</param>
public sealed record WebhookResponse(int Recorded, int Ignored);
