namespace NonprofitPortal.Features.Operations;

public static class RateLimitPolicies
{
    /// <summary>Password sign-in, token and password-reset requests, per client address.</summary>
    public const string SignIn = "sign-in";
}
