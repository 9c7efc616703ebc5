using System.Diagnostics.CodeAnalysis;

namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>The email, or the errors that kept the templates from rendering it.</summary>
public sealed record RenderResult(RenderedEmail? Email, IReadOnlyList<TemplateError> Errors)
{
    [MemberNotNullWhen(true, nameof(Email))]
    public bool Succeeded => Email is not null;

    public static RenderResult Ok(RenderedEmail email) => new(email, []);

    public static RenderResult Failed(IReadOnlyList<TemplateError> errors) => new(null, errors);
}
