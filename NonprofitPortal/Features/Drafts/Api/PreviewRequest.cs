namespace NonprofitPortal.Features.Drafts.Api;

/// <param name="NonprofitId">Whom to preview as; without it, an example nonprofit.</param>
public sealed record PreviewRequest(long? NonprofitId);
