using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Accounts.Api;

public sealed record RoleRequest(string? Name, IReadOnlyList<string>? Permissions) : IApiExample<RoleRequest>
{
    public static RoleRequest Example => new("Communications", ["nonprofits.view", "drafts.view", "drafts.edit", "campaigns.view"]);
}
