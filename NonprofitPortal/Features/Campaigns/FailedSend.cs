namespace NonprofitPortal.Features.Campaigns;

/// <summary>A message that did not go out, and what the server last said about it.</summary>
public sealed record FailedSend(long Id, string Name, string Email, int Attempts, string? LastError, string? ServerName);
