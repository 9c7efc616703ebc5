namespace NonprofitPortal.Features.Drafts;

public static class DraftAuditActions
{
    public const string Created = "draft.created";
    public const string Edited = "draft.edited";
    public const string Duplicated = "draft.duplicated";
    public const string Deleted = "draft.deleted";
    public const string Restored = "draft.restored";
}
