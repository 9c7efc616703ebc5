using System.ComponentModel.DataAnnotations;

namespace NonprofitPortal.Features.Accounts;

public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// How long a check that a signed-in user still exists, is not locked and holds the same
    /// security stamp is trusted, for cookies, open pages and bearer tokens alike.
    /// </summary>
    [Range(0.05, 60, ErrorMessage = "Accounts:RevalidationSeconds must be between 0.05 and 60 (a locked user must lose access within a minute).")]
    public double RevalidationSeconds { get; set; } = 60;

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(RevalidationSeconds);
}
