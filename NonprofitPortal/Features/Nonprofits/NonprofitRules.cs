using System.Net.Mail;

namespace NonprofitPortal.Features.Nonprofits;

/// <summary>Validation and normalization shared by the editor, the API and the CSV import.</summary>
public static class NonprofitRules
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;
    public const int MaxEmailLength = 254;
    public const int MaxTagLength = 50;
    public const int MaxTags = 20;

    private static readonly char[] TagSeparators = [';', ',', '|'];

    /// <summary>The fields, or the problems found, keyed by field name (name, address, email, tags).</summary>
    public static (NonprofitFields? Fields, Dictionary<string, string[]> Errors) Validate(NonprofitInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var name = Clean(input.Name);
        var address = CleanLines(input.Address);
        var email = (input.Email ?? "").Trim();

        if (name.Length == 0)
        {
            errors["name"] = ["The name is required."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"The name has at most {MaxNameLength} characters."];
        }

        if (address.Length == 0)
        {
            errors["address"] = ["The address is required."];
        }
        else if (address.Length > MaxAddressLength)
        {
            errors["address"] = [$"The address has at most {MaxAddressLength} characters."];
        }

        if (email.Length == 0)
        {
            errors["email"] = ["The email is required."];
        }
        else if (EmailProblem(email) is { } problem)
        {
            errors["email"] = [problem];
        }

        var tags = NormalizeTags(input.Tags ?? []);
        if (tags.Count > MaxTags)
        {
            errors["tags"] = [$"A nonprofit has at most {MaxTags} tags."];
        }
        else if (tags.FirstOrDefault(tag => tag.Length > MaxTagLength) is { } longTag)
        {
            errors["tags"] = [$"The tag \"{longTag}\" is longer than {MaxTagLength} characters."];
        }

        return errors.Count > 0 ? (null, errors) : (new NonprofitFields(name, address, email, tags), errors);
    }

    /// <summary>Why an address cannot receive mail, or null when it looks deliverable.</summary>
    public static string? EmailProblem(string email)
    {
        if (email.Length > MaxEmailLength)
        {
            return $"The email has at most {MaxEmailLength} characters.";
        }

        var wellFormed = MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
        return wellFormed ? null : $"\"{email}\" is not a valid email address (expected something like info@example.org).";
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string DomainOf(string normalizedEmail) => normalizedEmail[(normalizedEmail.LastIndexOf('@') + 1)..];

    /// <summary>"Acme.org", "@acme.org" and "info@acme.org" all filter by the domain acme.org.</summary>
    public static string NormalizeDomain(string domain) => DomainOf(domain.Trim().ToLowerInvariant());

    public static IReadOnlyList<string> ParseTags(string? text) =>
        NormalizeTags((text ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries));

    public static string NormalizeTag(string tag) => string.Join(' ', tag.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    private static List<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(NormalizeTag).Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    // Addresses keep their line breaks; each line is tidied and empty lines dropped.
    private static string CleanLines(string? value) =>
        string.Join('\n', (value ?? "").ReplaceLineEndings("\n").Split('\n').Select(Clean).Where(line => line.Length > 0));

    private static string Clean(string? value) => string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
