namespace NonprofitPortal.Features.Campaigns.Tokens;

/// <summary>A secret made once per deployment and kept in the database, so that every node signs and checks with the same one.</summary>
public sealed class SigningKey
{
    public required string Name { get; init; }

    public required byte[] Key { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
