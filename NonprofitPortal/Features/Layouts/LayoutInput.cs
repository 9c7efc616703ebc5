namespace NonprofitPortal.Features.Layouts;

public sealed record LayoutInput(string? Name, string? Html, bool IsDefault);
