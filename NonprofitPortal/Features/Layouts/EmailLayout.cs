namespace NonprofitPortal.Features.Layouts;

/// <summary>
/// The foundation's frame around email bodies: a Scriban HTML document with <c>{{ content }}</c>
/// where a draft's body goes, its header and footer. Managed by admins; one is the default.
/// </summary>
public sealed class EmailLayout
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Html { get; set; } = "";

    /// <summary>The layout of drafts that choose none in particular. Exactly one layout is the default.</summary>
    public bool IsDefault { get; set; }

    public string CreatedBy { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}
