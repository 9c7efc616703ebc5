using System.Security.Claims;

namespace NonprofitPortal.Features.Accounts;

/// <summary>Who is doing something, as written into the audit log.</summary>
public sealed record Actor(string? Id, string Name)
{
    public static Actor System { get; } = new(null, "system");

    public static Actor From(ClaimsPrincipal principal) =>
        new(principal.FindFirstValue(ClaimTypes.NameIdentifier), principal.Identity?.Name ?? "anonymous");
}
