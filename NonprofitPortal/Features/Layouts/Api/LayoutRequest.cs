namespace NonprofitPortal.Features.Layouts.Api;

public sealed record LayoutRequest(string? Name, string? Html, bool IsDefault)
{
    public LayoutInput ToInput() => new(Name, Html, IsDefault);
}
