using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Features.Drafts.Api;

public sealed record TemplateErrorResponse(string Part, int Line, int Column, string Message, string Excerpt)
{
    public static TemplateErrorResponse From(TemplateError error) => new(error.Part, error.Line, error.Column, error.Message, error.Excerpt);
}
