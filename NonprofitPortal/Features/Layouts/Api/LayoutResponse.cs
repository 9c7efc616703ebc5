using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Layouts.Api;

public sealed record LayoutResponse(long Id, string Name, string Html, bool IsDefault, string UpdatedBy, DateTimeOffset UpdatedAt) : IApiExample<LayoutResponse>
{
    public static LayoutResponse Example => new(3, "Foundation letterhead", "<!doctype html><html><body><table role=\"presentation\"><tr><td>{{ content }}</td></tr></table></body></html>", false, "grants@foundation.example", new DateTimeOffset(2026, 2, 14, 11, 5, 0, TimeSpan.Zero));

    public static LayoutResponse From(LayoutDetails layout) => new(layout.Id, layout.Name, layout.Html, layout.IsDefault, layout.UpdatedBy, layout.UpdatedAt);
}
