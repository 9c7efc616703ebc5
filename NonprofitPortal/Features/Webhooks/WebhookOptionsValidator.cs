using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Webhooks;

internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.PollSeconds is < 1 or > 3600)
        {
            failures.Add("Webhooks:PollSeconds must be between 1 and 3600.");
        }

        if (options.TimeoutSeconds is < 1 or > 60)
        {
            failures.Add("Webhooks:TimeoutSeconds must be between 1 and 60: a receiver should answer at once and do its work afterwards.");
        }

        if (options.SubscriptionRefreshSeconds is < 0 or > 600)
        {
            failures.Add("Webhooks:SubscriptionRefreshSeconds must be between 0 and 600.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
