namespace NonprofitPortal.Features.Sending.Transport;

/// <summary>What the "Mail servers" page and <c>GET /api/mail/servers</c> show of one server. Never the password.</summary>
public sealed record MailServerStatus(
    string Name,
    string Address,
    int Priority,
    MailServerState State,
    double RatePerSecond,
    double CurrentLimit,
    double ConfiguredLimit,
    int ConnectionsInUse,
    int Connections,
    long SentLastHour,
    long FailedLastHour,
    string? LastError,
    DateTimeOffset? LastErrorAt);
