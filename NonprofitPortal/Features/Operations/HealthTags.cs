namespace NonprofitPortal.Features.Operations;

public static class HealthTags
{
    /// <summary>Checks that decide whether this node should get traffic (<c>/health/ready</c>); <c>/health/live</c> runs none.</summary>
    public const string Ready = "ready";
}
