namespace NonprofitPortal.Features.Webhooks;

/// <summary>What makes an endpoint's settings valid, before its address is looked up.</summary>
public static class WebhookRules
{
    public static Dictionary<string, string[]> Check(WebhookInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Url))
        {
            errors["url"] = ["Enter the URL that receives the events."];
        }
        else if (input.Url.Trim().Length > WebhookEndpoint.MaxUrlLength)
        {
            errors["url"] = [$"The URL has at most {WebhookEndpoint.MaxUrlLength} characters."];
        }

        var events = input.Events ?? [];
        if (events.Count == 0)
        {
            errors["events"] = ["Choose at least one event."];
        }
        else if (events.FirstOrDefault(e => !WebhookEventTypes.IsKnown(e)) is { } unknown)
        {
            errors["events"] = [$"'{unknown}' is not an event; the events are {string.Join(", ", WebhookEventTypes.All)}."];
        }

        return errors;
    }

    /// <summary>The events as stored: known, once each, in the order of <see cref="WebhookEventTypes.All"/>.</summary>
    public static string Stored(IReadOnlyList<string> events) =>
        string.Join(',', WebhookEventTypes.All.Where(events.Contains));
}
