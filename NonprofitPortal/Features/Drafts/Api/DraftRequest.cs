using NonprofitPortal.Features.Layouts;

namespace NonprofitPortal.Features.Drafts.Api;

/// <param name="LayoutId">The layout to send it in; null or omitted for the default layout.</param>
/// <param name="UseLayout">False to send the body in no layout; omitted means true.</param>
public sealed record DraftRequest(
    string? Name, string? SubjectTemplate, string? BodyTemplate, RecipientsDto? Recipients, IReadOnlyList<string>? Cc, long? LayoutId = null, bool? UseLayout = null)
{
    public DraftInput ToInput() => new(Name, SubjectTemplate, BodyTemplate, Recipients?.ToSelection() ?? RecipientSelection.None, Cc ?? [])
    {
        Layout = new LayoutChoice(LayoutId, UseLayout ?? true),
    };
}
