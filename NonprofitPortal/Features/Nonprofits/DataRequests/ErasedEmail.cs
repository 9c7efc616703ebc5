namespace NonprofitPortal.Features.Nonprofits.DataRequests;

/// <summary>
/// An address erased on request, kept only as a keyed hash (<see cref="ErasedEmailHash"/>) so that a
/// later import or create notices it instead of mailing it again; the address itself is gone.
/// </summary>
public sealed class ErasedEmail
{
    /// <summary>Lower-case hex HMAC-SHA256 of the normalised address.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset ErasedAt { get; init; }
}
