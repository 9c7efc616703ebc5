using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Operations.ApiDocs;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts.Api;

/// <param name="LayoutId">The layout to send it in; null or omitted for the default layout.</param>
/// <param name="UseLayout">False to send the body in no layout; omitted means true.</param>
/// <param name="Tracking">Omitted (or a part of it): as the draft has it, for a new draft <c>Tracking:Opens</c> and <c>Tracking:Clicks</c>.</param>
/// <param name="Attachments">Ids of media library files sent with every message; omitted means none.</param>
/// <param name="FromTemplateId">A new draft only: the template whose name, subject, body, layout, CC and attachments it starts with; the fields given here win.</param>
public sealed record DraftRequest(
    string? Name,
    string? SubjectTemplate,
    string? BodyTemplate,
    RecipientsDto? Recipients,
    IReadOnlyList<string>? Cc,
    long? LayoutId = null,
    bool? UseLayout = null,
    TrackingRequest? Tracking = null,
    IReadOnlyList<long>? Attachments = null,
    long? FromTemplateId = null) : IApiExample<DraftRequest>
{
    public static DraftRequest Example => new("Spring grant round", "The spring grant round is open, {{ nonprofit.name }}", "<p>Dear {{ nonprofit.name }},</p><p>Applications are open until 31 March.</p>", new RecipientsDto(false, [1042, 1043], new RecipientFilterDto(null, null, "education")), ["programmes@foundation.example"]);

    private static readonly DraftInput Blank = new(null, null, null, RecipientSelection.None, []);

    public DraftInput ToInput() => Over(Blank);

    /// <summary>The request's fields, and <paramref name="start"/>'s where the request leaves one out.</summary>
    public DraftInput Over(DraftInput start) =>
        new(Name ?? start.Name, SubjectTemplate ?? start.SubjectTemplate, BodyTemplate ?? start.BodyTemplate, Recipients?.ToSelection() ?? start.Recipients, Cc ?? start.Cc)
        {
            Layout = LayoutId is null && UseLayout is null ? start.Layout : new LayoutChoice(LayoutId, UseLayout ?? true),
            Tracking = Tracking,
            Attachments = Attachments ?? start.Attachments,
        };
}
