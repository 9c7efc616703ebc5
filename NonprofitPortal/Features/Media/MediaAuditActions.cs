namespace NonprofitPortal.Features.Media;

public static class MediaAuditActions
{
    public const string Uploaded = "media.uploaded";
    public const string Deleted = "media.deleted";
}
