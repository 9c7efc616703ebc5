namespace NonprofitPortal.Features.Drafts.Api;

public sealed record DraftRequest(string? Name, string? SubjectTemplate, string? BodyTemplate, RecipientsDto? Recipients, IReadOnlyList<string>? Cc)
{
    public DraftInput ToInput() => new(Name, SubjectTemplate, BodyTemplate, Recipients?.ToSelection() ?? RecipientSelection.None, Cc ?? []);
}
