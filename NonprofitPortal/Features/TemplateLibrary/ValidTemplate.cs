using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Features.TemplateLibrary;

public sealed record ValidTemplate(
    string Name,
    string Description,
    string SubjectTemplate,
    string BodyTemplate,
    LayoutChoice Layout,
    IReadOnlyList<string> Cc,
    IReadOnlyList<long> Attachments);
