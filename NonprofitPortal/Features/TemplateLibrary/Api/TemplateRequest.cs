using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Features.TemplateLibrary.Api;

/// <param name="LayoutId">The layout its drafts go out in; null or omitted for the default layout.</param>
/// <param name="UseLayout">False to send the body in no layout; omitted means true.</param>
/// <param name="Attachments">Ids of media library files its drafts attach; omitted means none.</param>
public sealed record TemplateRequest(
    string? Name,
    string? Description,
    string? SubjectTemplate,
    string? BodyTemplate,
    long? LayoutId = null,
    bool? UseLayout = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<long>? Attachments = null)
{
    public TemplateInput ToInput() => new(Name, Description, SubjectTemplate, BodyTemplate, new LayoutChoice(LayoutId, UseLayout ?? true), Cc ?? [], Attachments ?? []);
}
