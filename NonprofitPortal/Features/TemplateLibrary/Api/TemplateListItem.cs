namespace NonprofitPortal.Features.TemplateLibrary.Api;

public sealed record TemplateListItem(long Id, string Name, string Description, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static TemplateListItem From(TemplateSummary template) => new(template.Id, template.Name, template.Description, template.UpdatedBy, template.UpdatedAt);
}
