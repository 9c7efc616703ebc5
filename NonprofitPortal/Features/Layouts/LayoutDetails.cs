namespace NonprofitPortal.Features.Layouts;

public sealed record LayoutDetails(long Id, string Name, string Html, bool IsDefault, string UpdatedBy, DateTimeOffset UpdatedAt, int Version)
{
    public static LayoutDetails From(EmailLayout layout) =>
        new(layout.Id, layout.Name, layout.Html, layout.IsDefault, layout.UpdatedBy, layout.UpdatedAt, layout.Version);
}
