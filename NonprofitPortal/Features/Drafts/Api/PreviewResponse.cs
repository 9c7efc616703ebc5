using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Drafts.Api;

public sealed record PreviewResponse(string Subject, string Html, string Text) : IApiExample<PreviewResponse>
{
    public static PreviewResponse Example => new("The spring grant round is open, Kids & Co", "<!doctype html><html><body><p>Dear Kids &amp; Co,</p><p>Applications are open until 31 March.</p></body></html>", "Dear Kids & Co,\n\nApplications are open until 31 March.");
}
