namespace NonprofitPortal.Features.Nonprofits;

public static class NonprofitAuditActions
{
    public const string Created = "nonprofit.created";
    public const string Edited = "nonprofit.edited";
    public const string Deleted = "nonprofit.deleted";
    public const string OptedOut = "nonprofit.opted-out";
    public const string OptedIn = "nonprofit.opted-in";
    public const string Imported = "nonprofit.imported";
    public const string Suppressed = "nonprofit.suppressed";
    public const string Unsuppressed = "nonprofit.unsuppressed";
    public const string DataExported = "nonprofit.data-exported";
    public const string Erased = "nonprofit.erased";
    public const string ReaddedAfterErasure = "nonprofit.readded-after-erasure";
}
