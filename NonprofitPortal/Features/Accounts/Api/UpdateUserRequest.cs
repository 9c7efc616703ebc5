using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Accounts.Api;

public sealed record UpdateUserRequest(IReadOnlyList<string>? Roles, bool? Locked, string? DisplayName) : IApiExample<UpdateUserRequest>
{
    public static UpdateUserRequest Example => new(["Staff", "Admin"], false, null);
}
