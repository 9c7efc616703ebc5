namespace NonprofitPortal.Features.Nonprofits.DataRequests;

/// <summary>What an erasure did: the messages and events kept, now without personal data.</summary>
public sealed record NonprofitErasure(long NonprofitId, int MessagesAnonymised, int EventsKept, DateTimeOffset ErasedAt);
