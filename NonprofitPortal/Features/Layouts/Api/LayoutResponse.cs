namespace NonprofitPortal.Features.Layouts.Api;

public sealed record LayoutResponse(long Id, string Name, string Html, bool IsDefault, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static LayoutResponse From(LayoutDetails layout) => new(layout.Id, layout.Name, layout.Html, layout.IsDefault, layout.UpdatedBy, layout.UpdatedAt);
}
