namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>A variable as a template writes it (<c>nonprofit.name</c>), with what it holds.</summary>
public sealed record TemplateVariable(string Name, string Description);
