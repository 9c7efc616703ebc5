namespace NonprofitPortal.Features.TemplateLibrary.Api;

public sealed record TemplateResponse(
    long Id,
    string Name,
    string Description,
    string SubjectTemplate,
    string BodyTemplate,
    long? LayoutId,
    bool UseLayout,
    IReadOnlyList<string> Cc,
    IReadOnlyList<long> Attachments,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt)
{
    public static TemplateResponse From(TemplateDetails template) => new(
        template.Id, template.Name, template.Description, template.SubjectTemplate, template.BodyTemplate, template.Layout.LayoutId, template.Layout.UseLayout,
        template.Cc, template.Attachments.Select(a => a.MediaId).ToList(), template.CreatedBy, template.CreatedAt, template.UpdatedBy, template.UpdatedAt);
}
