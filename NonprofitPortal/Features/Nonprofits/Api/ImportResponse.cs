using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Features.Nonprofits.Api;

public sealed record ImportResponse(int Imported, int Updated, int Skipped, IReadOnlyList<ImportError> Errors) : IApiExample<ImportResponse>
{
    public static ImportResponse Example => new(118, 3, 7, [new ImportError(41, "The email \"info@\" is not a valid address.")]);
}
