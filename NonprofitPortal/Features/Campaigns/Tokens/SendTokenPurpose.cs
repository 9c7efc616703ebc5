namespace NonprofitPortal.Features.Campaigns.Tokens;

/// <summary>What a <see cref="SendTokens"/> token is for: a token made for one purpose is refused for any other.</summary>
/// <remarks>The values are signed into tokens already in sent mail: never renumber them.</remarks>
public enum SendTokenPurpose : byte
{
    Unsubscribe = 1,
    WebVersion = 2,
    ReturnPath = 3,
    Tracking = 4,
}
