namespace NonprofitPortal.Features.Drafts.Api;

public sealed record PreviewResponse(string Subject, string Html, string Text);
