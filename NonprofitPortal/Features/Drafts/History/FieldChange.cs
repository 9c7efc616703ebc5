namespace NonprofitPortal.Features.Drafts.History;

/// <summary>A setting that differs between a version and the current draft, in words.</summary>
public sealed record FieldChange(string Field, string InVersion, string Now);
