namespace NonprofitPortal.Features.TemplateLibrary;

/// <param name="Key">Stays the same whatever the template is called, so that it is added only once.</param>
public sealed record StarterTemplate(string Key, string Name, string Description, string SubjectTemplate, string BodyTemplate);
