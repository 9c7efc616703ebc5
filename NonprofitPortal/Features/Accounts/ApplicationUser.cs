using Microsoft.AspNetCore.Identity;

namespace NonprofitPortal.Features.Accounts;

public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string? DisplayName { get; set; }

    public bool PrefersDarkMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
