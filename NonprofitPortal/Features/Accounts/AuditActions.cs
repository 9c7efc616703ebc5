namespace NonprofitPortal.Features.Accounts;

public static class AuditActions
{
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string TokenIssued = "account.token-issued";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordReset = "account.password-reset";
    public const string UserCreated = "user.created";
    public const string UserInvited = "user.invited";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserPasswordSet = "user.password-set";
    public const string UserDeleted = "user.deleted";
    public const string RoleCreated = "role.created";
    public const string RoleChanged = "role.changed";
    public const string RoleDeleted = "role.deleted";
}
