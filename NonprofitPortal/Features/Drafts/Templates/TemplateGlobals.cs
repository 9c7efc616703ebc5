using Scriban.Runtime;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>The model as script objects: templates see these names and values, never a .NET object.</summary>
internal static class TemplateGlobals
{
    // One for every message without tracking: read-only, like every tracking object, so no render can change it.
    private static readonly ScriptObject Untracked = Tracking(TrackingValues.None);

    /// <summary>Fresh for each part rendered, so what one template assigns reaches no other render.</summary>
    public static ScriptObject Create(TemplateModel model)
    {
        var tags = new ScriptArray(model.Nonprofit.Tags.Count);
        foreach (var tag in model.Nonprofit.Tags)
        {
            tags.Add(tag);
        }

        return new ScriptObject(10)
        {
            ["nonprofit"] = new ScriptObject(4)
            {
                ["name"] = model.Nonprofit.Name,
                ["address"] = model.Nonprofit.Address,
                ["email"] = model.Nonprofit.Email,
                ["tags"] = tags,
            },
            ["foundation"] = new ScriptObject(3)
            {
                ["name"] = model.Foundation.Name,
                ["address"] = model.Foundation.Address,
                ["logo_url"] = model.Foundation.LogoUrl,
            },
            ["sender"] = new ScriptObject(2) { ["name"] = model.Sender.Name, ["email"] = model.Sender.Email },
            ["unsubscribe_url"] = model.UnsubscribeUrl,
            ["web_version_url"] = model.WebVersionUrl,
            ["today"] = model.Today.ToDateTime(TimeOnly.MinValue),
            ["tracking"] = ReferenceEquals(model.Tracking, TrackingValues.None) ? Untracked : Tracking(model.Tracking),
        };
    }

    private static ScriptObject Tracking(TrackingValues tracking) => new(2)
    {
        ["open_url"] = tracking.OpenUrl,
        ["link"] = new TrackedLinkFunction(tracking),
        IsReadOnly = true,
    };
}
