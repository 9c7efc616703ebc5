namespace NonprofitPortal.Features.Campaigns.Tokens;

/// <summary>What a <see cref="SendTokens"/> token is for: a token made for one purpose is refused for any other.</summary>
/// <remarks>The values are signed into tokens already in sent mail: never renumber them.</remarks>
public enum SendTokenPurpose : byte
{
    Unsubscribe = 1,
    WebVersion = 2,
    ReturnPath = 3,
    /// <summary>The open pixel of a message (<see cref="SendTokens.Create(SendTokenPurpose, long)"/>).</summary>
    Tracking = 4,

    /// <summary>One link of a message: signs the link's index with the send (<see cref="SendTokens.CreateLink"/>).</summary>
    TrackedLink = 5,
}
