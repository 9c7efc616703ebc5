namespace NonprofitPortal.Features.Accounts.Api;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string ActorName, string Action, string? Subject, string? Details)
{
    public static AuditEntryResponse From(AuditEntry entry) =>
        new(entry.Id, entry.At, entry.ActorName, entry.Action, entry.Subject, entry.Details);
}
