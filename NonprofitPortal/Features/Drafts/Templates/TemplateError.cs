namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>A problem in a template, at a 1-based line and column of its <see cref="Part"/> ("subject", "body" or "layout").</summary>
/// <param name="Excerpt">The source line of the problem (cut around the column when long), or empty when it has no place.</param>
public sealed record TemplateError(string Part, int Line, int Column, string Message, string Excerpt)
{
    public const string Subject = "subject";
    public const string Body = "body";
    public const string Layout = "layout";
}
