using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Operations;

namespace NonprofitPortal.Features.Tracking;

/// <summary>The addresses of one message's open pixel and tracked links, under <c>App:PublicUrl</c>.</summary>
public static class TrackingLinks
{
    public const string OpenPath = "t/o";
    public const string ClickPath = "t/c";

    /// <summary>What the template of a campaign tracked as <paramref name="choice"/> renders for send <paramref name="sendId"/>; links are made as the template asks for them.</summary>
    public static TrackingValues For(SendTokens tokens, PublicAddress publicAddress, long sendId, TrackingChoice choice) =>
        choice.Any
            ? new TrackingValues(
                choice.Clicks ? index => publicAddress.Link($"{ClickPath}/{tokens.CreateLink(sendId, index)}") : null,
                choice.Opens ? publicAddress.Link($"{OpenPath}/{tokens.Create(SendTokenPurpose.Tracking, sendId)}") : "")
            : TrackingValues.None;
}
