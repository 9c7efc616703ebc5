using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Drafts.Api;

/// <param name="NonprofitId">Whom to preview as; without it, an example nonprofit.</param>
public sealed record PreviewRequest(long? NonprofitId) : IApiExample<PreviewRequest>
{
    public static PreviewRequest Example => new(1042);
}
