using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts.Pages;

/// <summary>What the editor holds while someone writes: turned into a <see cref="DraftInput"/> to save.</summary>
public sealed class DraftForm
{
    public string Name { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public bool AllRecipients { get; set; }

    /// <summary>Picked one by one; names kept for the chips.</summary>
    public List<NonprofitSummary> Chosen { get; } = [];

    public string? Search { get; set; }

    public string? Domain { get; set; }

    public string? Tag { get; set; }

    public List<string> Cc { get; } = [];

    public LayoutChoice Layout { get; set; } = LayoutChoice.Default;

    public List<AttachedFile> Attachments { get; } = [];

    public RecipientSelection Recipients => new(AllRecipients, Chosen.Select(n => n.Id).ToList(), new DirectoryFilter(Search, Domain, Tag));

    public DraftInput ToInput() => new(Name, Subject, Body, Recipients, Cc) { Layout = Layout, Attachments = Attachments.Select(a => a.MediaId).ToList() };

    /// <summary>A value that changes whenever anything saved changes: compared to know about unsaved changes.</summary>
    public string Fingerprint() => System.Text.Json.JsonSerializer.Serialize(ToInput());

    public static DraftForm From(DraftDetails draft, IEnumerable<NonprofitSummary> chosen)
    {
        var form = new DraftForm
        {
            Name = draft.Name,
            Subject = draft.SubjectTemplate,
            Body = draft.BodyTemplate,
            AllRecipients = draft.Recipients.All,
            Search = draft.Recipients.Filter.Search,
            Domain = draft.Recipients.Filter.Domain,
            Tag = draft.Recipients.Filter.Tag,
            Layout = draft.Layout,
        };
        form.Chosen.AddRange(chosen);
        form.Cc.AddRange(draft.Cc);
        form.Attachments.AddRange(draft.Attachments);
        return form;
    }
}
