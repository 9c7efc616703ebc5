using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts;

/// <summary>What a draft may hold. Template syntax is not checked here: a draft may be saved half-written.</summary>
public static class DraftRules
{
    public const int MaxNameLength = 200;
    public const int MaxSubjectLength = 2000;
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxCc = 10;
    public const int MaxAttachments = 10;
    public const int MaxChosenRecipients = 10_000;
    public const int MaxCcLength = MaxCc * (NonprofitRules.MaxEmailLength + 1);

    public static (ValidDraft? Draft, Dictionary<string, string[]> Errors) Validate(DraftInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = (input.Name ?? "").Trim();
        var subject = input.SubjectTemplate ?? "";
        var body = input.BodyTemplate ?? "";

        if (name.Length == 0)
        {
            errors["name"] = ["Give the draft a name."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"A draft name has at most {MaxNameLength} characters."];
        }

        if (subject.Length > MaxSubjectLength)
        {
            errors["subjectTemplate"] = [$"The subject has at most {MaxSubjectLength:N0} characters."];
        }

        var bodyBytes = System.Text.Encoding.UTF8.GetByteCount(body);
        if (bodyBytes > MaxBodyBytes)
        {
            errors["bodyTemplate"] = [$"The body template is {bodyBytes / 1024:N0} KB; the limit is {MaxBodyBytes / 1024} KB."];
        }

        if (input.Recipients.Ids.Count > MaxChosenRecipients)
        {
            errors["recipients"] = [$"Pick at most {MaxChosenRecipients:N0} nonprofits one by one; use a tag or a domain for more."];
        }

        if (input.Attachments.Distinct().Count() > MaxAttachments)
        {
            errors["attachments"] = [$"Attach at most {MaxAttachments} files."];
        }

        var (cc, ccErrors) = NormalizeCc(input.Cc);
        if (ccErrors.Count > 0)
        {
            errors["cc"] = ccErrors.ToArray();
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidDraft(name, subject, body, input.Recipients with { Ids = input.Recipients.Ids.Distinct().ToList() }, cc) { Layout = input.Layout, Attachments = input.Attachments.Distinct().ToList() }, errors);
    }

    /// <summary>Why files found in the library for <paramref name="requested"/> cannot all go with a draft, or null.</summary>
    public static string? AttachmentsProblem(IReadOnlyList<long> requested, IReadOnlyList<AttachedFile> found, long maxBytes)
    {
        if (requested.FirstOrDefault(id => found.All(f => f.MediaId != id)) is var missing and not 0)
        {
            return $"There is no file {missing} in the media library (any more): attach another.";
        }

        var total = found.Sum(f => f.Bytes);
        return total > maxBytes
            ? $"The attachments come to {Media.MediaRules.Size(total)}; every message may carry at most {Media.MediaRules.Size(maxBytes)} (Campaigns:MaxAttachmentBytes). Remove one, or link to it instead."
            : null;
    }

    /// <summary>Valid, distinct (ignoring case) CC addresses, and what is wrong with the others.</summary>
    public static (IReadOnlyList<string> Cc, List<string> Errors) NormalizeCc(IEnumerable<string> addresses)
    {
        var cc = new List<string>();
        var errors = new List<string>();
        foreach (var address in addresses.Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            if (NonprofitRules.EmailProblem(address) is { } problem)
            {
                errors.Add(problem);
            }
            else if (!cc.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                cc.Add(address);
            }
        }

        if (cc.Count > MaxCc)
        {
            errors.Add($"At most {MaxCc} CC addresses: each receives a copy of every message.");
        }

        return (cc, errors);
    }
}
