namespace NonprofitPortal.Features.Drafts.History;

/// <summary>A draft's content as one save left it, numbered from 1 per draft.</summary>
public sealed class DraftVersion
{
    public long DraftId { get; set; }

    /// <summary>Set only when the draft is added in the same save (its id is not known yet).</summary>
    public EmailDraft? Draft { get; set; }

    public int Number { get; set; }

    public DraftVersionKind Kind { get; set; }

    /// <summary>For a restore, the version it brought back.</summary>
    public int? RestoredFrom { get; set; }

    public string? SavedById { get; set; }

    /// <summary>The user's name (their email) as the audit log shows it.</summary>
    public string SavedBy { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public string ContentHash { get; set; } = "";

    /// <summary>The <see cref="DraftContent"/> as JSON.</summary>
    public string Content { get; set; } = "";
}
