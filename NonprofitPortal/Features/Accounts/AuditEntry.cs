namespace NonprofitPortal.Features.Accounts;

/// <summary>One thing someone did: who, when, what, and to what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public string? Subject { get; set; }

    public string? Details { get; set; }
}
