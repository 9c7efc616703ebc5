using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Layouts.Api;

public sealed record LayoutRequest(string? Name, string? Html, bool IsDefault) : IApiExample<LayoutRequest>
{
    public static LayoutRequest Example => new("Foundation letterhead", "<!doctype html><html><body><table role=\"presentation\"><tr><td>{{ content }}</td></tr></table></body></html>", false);

    public LayoutInput ToInput() => new(Name, Html, IsDefault);
}
