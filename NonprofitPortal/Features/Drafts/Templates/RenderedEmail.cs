namespace NonprofitPortal.Features.Drafts.Templates;

/// <param name="Text">The plain-text alternative, derived from <paramref name="Html"/>.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text);
