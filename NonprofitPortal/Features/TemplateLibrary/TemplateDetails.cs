using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Features.TemplateLibrary;

public sealed record TemplateDetails(
    long Id,
    string Name,
    string Description,
    string SubjectTemplate,
    string BodyTemplate,
    LayoutChoice Layout,
    IReadOnlyList<string> Cc,
    IReadOnlyList<AttachedFile> Attachments,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public TemplateInput ToInput() => new(Name, Description, SubjectTemplate, BodyTemplate, Layout, Cc, Attachments.Select(a => a.MediaId).ToList());

    /// <summary>A new draft holding what the template holds, named after it, with no recipients yet.</summary>
    public DraftInput ToDraftInput() => new(Name, SubjectTemplate, BodyTemplate, RecipientSelection.None, Cc)
    {
        Layout = Layout,
        Attachments = Attachments.Select(a => a.MediaId).ToList(),
    };
}
