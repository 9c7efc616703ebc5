using NonprofitPortal.Features.Nonprofits.Search;

namespace NonprofitPortal.Features.Nonprofits;

/// <summary>An organisation the foundation funds and writes to.</summary>
public sealed class Nonprofit
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in lower case without accents: what the directory sorts by, so that "acme", "Acme" and "Ácme" sit together.</summary>
    public string SortName { get; set; } = "";

    public string Address { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Lower-cased and trimmed: unique, whatever the case it was typed in.</summary>
    public string NormalizedEmail { get; set; } = "";

    /// <summary>The part after the @, lower-cased: the domain filter's index.</summary>
    public string EmailDomain { get; set; } = "";

    public List<NonprofitTag> Tags { get; set; } = [];

    /// <summary>When the nonprofit opted out: by its unsubscribe link, a complaint, or staff. Null while it receives mail.</summary>
    public DateTimeOffset? OptedOutAt { get; set; }

    /// <summary>When its address was found undeliverable (or staff stopped mail to it); null while mail may go to it.</summary>
    public DateTimeOffset? SuppressedAt { get; set; }

    /// <summary>One of <see cref="SuppressionReasons"/>; null when not suppressed.</summary>
    public string? SuppressionReason { get; set; }

    /// <summary>When staff last allowed mail again: soft bounces before it no longer count towards the limit.</summary>
    public DateTimeOffset? SuppressionClearedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised on every change; a save that read an older version is refused.</summary>
    public int Version { get; set; }

    public void Apply(NonprofitFields fields, bool replaceTags, DateTimeOffset now)
    {
        Name = fields.Name;
        SortName = TextFolding.Fold(fields.Name);
        Address = fields.Address;
        Email = fields.Email;
        NormalizedEmail = fields.NormalizedEmail;
        EmailDomain = fields.EmailDomain;
        if (replaceTags)
        {
            Tags.RemoveAll(tag => !fields.Tags.Contains(tag.Name));
            Tags.AddRange(fields.Tags.Where(name => Tags.All(tag => tag.Name != name)).Select(name => new NonprofitTag { Name = name }));
        }

        UpdatedAt = now;
        Version++;
    }
}
