using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Accounts.Api;

/// <param name="Password">Omit to invite the user by email to choose their own.</param>
public sealed record CreateUserRequest(string? Email, string? Password, string? DisplayName, IReadOnlyList<string>? Roles) : IApiExample<CreateUserRequest>
{
    public static CreateUserRequest Example => new("grants@foundation.example", null, "Grants team", ["Staff"]);
}
