using System.Text.Json.Serialization;

namespace NonprofitPortal.Features.Tracking;

/// <summary>Whether a campaign's messages report opens (an image) and clicks (links through the portal). Off unless chosen.</summary>
public sealed record TrackingChoice(bool Opens, bool Clicks)
{
    public static TrackingChoice None { get; } = new(false, false);

    [JsonIgnore]
    public bool Any => Opens || Clicks;

    /// <summary>What is tracked, in words for the send dialog and the campaign page.</summary>
    public string Describe() => (Opens, Clicks) switch
    {
        (true, true) => "Opens and clicks are tracked",
        (true, false) => "Opens are tracked, clicks are not",
        (false, true) => "Clicks are tracked, opens are not",
        _ => "Nothing is tracked: neither opens nor clicks",
    };
}
