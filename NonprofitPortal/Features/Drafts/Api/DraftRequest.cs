using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts.Api;

/// <param name="LayoutId">The layout to send it in; null or omitted for the default layout.</param>
/// <param name="UseLayout">False to send the body in no layout; omitted means true.</param>
/// <param name="Tracking">Omitted (or a part of it): as the draft has it, for a new draft <c>Tracking:Opens</c> and <c>Tracking:Clicks</c>.</param>
/// <param name="Attachments">Ids of media library files sent with every message; omitted means none.</param>
public sealed record DraftRequest(
    string? Name,
    string? SubjectTemplate,
    string? BodyTemplate,
    RecipientsDto? Recipients,
    IReadOnlyList<string>? Cc,
    long? LayoutId = null,
    bool? UseLayout = null,
    TrackingRequest? Tracking = null,
    IReadOnlyList<long>? Attachments = null)
{
    public DraftInput ToInput() => new(Name, SubjectTemplate, BodyTemplate, Recipients?.ToSelection() ?? RecipientSelection.None, Cc ?? [])
    {
        Layout = new LayoutChoice(LayoutId, UseLayout ?? true),
        Tracking = Tracking,
        Attachments = Attachments ?? [],
    };
}
