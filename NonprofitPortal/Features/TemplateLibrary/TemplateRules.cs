using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.Templates;

namespace NonprofitPortal.Features.TemplateLibrary;

/// <summary>
/// What a template may hold: a draft's limits, plus a name, and templates that render (a draft may
/// be saved half-written, but a template is a start for others to build on).
/// </summary>
public static class TemplateRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 1000;

    /// <param name="templateErrors">What rendering the subject and body for the example nonprofit found.</param>
    public static (ValidTemplate? Template, Dictionary<string, string[]> Errors) Validate(TemplateInput input, IReadOnlyList<TemplateError> templateErrors)
    {
        var name = (input.Name ?? "").Trim();
        var description = (input.Description ?? "").Trim();
        var subject = input.SubjectTemplate ?? "";
        var body = input.BodyTemplate ?? "";
        var errors = new Dictionary<string, string[]>();

        if (name.Length == 0)
        {
            errors["name"] = ["Give the template a name, so that others can find it."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"A template name has at most {MaxNameLength} characters."];
        }

        if (description.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"A description has at most {MaxDescriptionLength:N0} characters: say what the template is for, briefly."];
        }

        if (subject.Length > DraftRules.MaxSubjectLength)
        {
            errors["subjectTemplate"] = [$"The subject has at most {DraftRules.MaxSubjectLength:N0} characters."];
        }

        var bodyBytes = System.Text.Encoding.UTF8.GetByteCount(body);
        if (bodyBytes > DraftRules.MaxBodyBytes)
        {
            errors["bodyTemplate"] = [$"The body template is {bodyBytes / 1024:N0} KB; the limit is {DraftRules.MaxBodyBytes / 1024} KB."];
        }

        foreach (var part in templateErrors.GroupBy(e => e.Part == TemplateError.Subject ? "subjectTemplate" : "bodyTemplate"))
        {
            errors.TryAdd(part.Key, part.Select(e => $"Line {e.Line}, column {e.Column}: {e.Message}").ToArray());
        }

        if (input.Attachments.Distinct().Count() > DraftRules.MaxAttachments)
        {
            errors["attachments"] = [$"Attach at most {DraftRules.MaxAttachments} files."];
        }

        var (cc, ccErrors) = DraftRules.NormalizeCc(input.Cc);
        if (ccErrors.Count > 0)
        {
            errors["cc"] = ccErrors.ToArray();
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidTemplate(name, description, subject, body, input.Layout, cc, input.Attachments.Distinct().ToList()), errors);
    }
}
