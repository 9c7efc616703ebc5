namespace NonprofitPortal.Features.TemplateLibrary;

public static class TemplateAuditActions
{
    public const string Created = "template.created";
    public const string Edited = "template.edited";
    public const string Deleted = "template.deleted";
    public const string Used = "template.used";
}
