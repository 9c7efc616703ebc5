namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>
/// What the links and the open pixel of a tracked campaign render to in one message. The template
/// code that reads them is written here as well (<see cref="LinkCode"/>, <see cref="PixelCode"/>),
/// into the campaign's body once at launch. Rendered with <see cref="None"/> (the web version, a
/// campaign sent without tracking) each link is its original address and there is no pixel.
/// </summary>
/// <param name="trackedLink">The address that records a click on link number <c>i</c> and goes on to it.</param>
/// <param name="openUrl">The image that records an open.</param>
public sealed class TrackingValues(Func<int, string>? trackedLink, string openUrl)
{
    public static TrackingValues None { get; } = new(null, "");

    /// <summary>The template code for link number <paramref name="index"/>, whose address is <paramref name="url"/>.</summary>
    public static string LinkCode(int index, string url) =>
        $"{{{{ tracking.link {index} '{url.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}' }}}}";

    /// <summary>The open pixel: a 1×1 image, written only when the message has one.</summary>
    public const string PixelCode =
        """{{ if tracking.open_url != "" }}<img src="{{ tracking.open_url }}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">{{ end }}""";

    public string OpenUrl => openUrl;

    public string Link(int index, string original) => trackedLink is null ? original : trackedLink(index);
}
