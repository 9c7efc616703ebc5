namespace NonprofitPortal.Features.Nonprofits.DataRequests;

public sealed record NonprofitDataAuditEntry(DateTimeOffset At, string Actor, string Action, string? Subject, string? Details);
