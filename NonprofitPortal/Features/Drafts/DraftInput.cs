namespace NonprofitPortal.Features.Drafts;

public sealed record DraftInput(string? Name, string? SubjectTemplate, string? BodyTemplate, RecipientSelection Recipients, IReadOnlyList<string> Cc);
