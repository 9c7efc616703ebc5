namespace NonprofitPortal.Features.Sending.DomainCheck;

/// <summary>What one DNS check found and what to do about it.</summary>
/// <param name="Found">Whether the record (or, for the return path, an MX or address) exists.</param>
/// <param name="Record">The record as published, when found.</param>
/// <param name="Ok">Whether it is as it should be; when not, <paramref name="Advice"/> says what to publish.</param>
/// <param name="Advice">In plain words, with the exact record to publish where one is missing or wrong.</param>
public sealed record RecordCheck(bool Found, string? Record, bool Ok, string Advice);
