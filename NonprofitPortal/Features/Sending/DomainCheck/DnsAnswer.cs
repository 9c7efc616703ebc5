namespace NonprofitPortal.Features.Sending.DomainCheck;

/// <summary>The records a DNS lookup returned (none when the name does not exist), or why the lookup failed.</summary>
public sealed record DnsAnswer(IReadOnlyList<string> Records, string? Error = null)
{
    public static DnsAnswer None { get; } = new([]);

    public static DnsAnswer Failed(string error) => new([], error);
}
