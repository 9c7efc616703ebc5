namespace NonprofitPortal.Features.Accounts;

internal static class AccountLockout
{
    /// <summary>
    /// Lockouts after failed sign-ins last minutes; an admin's lock lasts "forever". Anything
    /// longer than this is the admin's.
    /// </summary>
    public static readonly TimeSpan AdministrativeThreshold = TimeSpan.FromDays(365);
}
