namespace NonprofitPortal.Features.Webhooks;

public static class WebhookAuditActions
{
    public const string Created = "webhook.created";
    public const string Edited = "webhook.edited";
    public const string Deleted = "webhook.deleted";
    public const string Tested = "webhook.tested";
    public const string Disabled = "webhook.disabled";
}
