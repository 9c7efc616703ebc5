namespace NonprofitPortal.Features.TemplateLibrary;

public sealed record TemplateSummary(long Id, string Name, string Description, string UpdatedBy, DateTimeOffset UpdatedAt);
