namespace NonprofitPortal.Features.Layouts;

public static class LayoutAuditActions
{
    public const string Created = "layout.created";
    public const string Edited = "layout.edited";
    public const string Deleted = "layout.deleted";
}
