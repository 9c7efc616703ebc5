using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Features.TemplateLibrary;

/// <param name="Attachments">Ids of media files, in the order they are attached.</param>
public sealed record TemplateInput(
    string? Name,
    string? Description,
    string? SubjectTemplate,
    string? BodyTemplate,
    LayoutChoice Layout,
    IReadOnlyList<string> Cc,
    IReadOnlyList<long> Attachments);
