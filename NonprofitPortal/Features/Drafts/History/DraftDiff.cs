using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NonprofitPortal.Features.Drafts.History;

/// <summary>Compares a version's content with the current draft's: line diffs of the templates, the other settings in words.</summary>
public static class DraftDiff
{
    /// <summary>Unchanged lines kept on each side of a change; longer unchanged stretches are shortened to a count.</summary>
    public const int ContextLines = 2;

    public static DraftComparison Between(DraftVersionSummary summary, DraftContent version, DraftContent current, DiffNames names) =>
        new(summary, Fields(version, current, names), Lines(version.SubjectTemplate, current.SubjectTemplate), Lines(version.BodyTemplate, current.BodyTemplate));

    public static IReadOnlyList<DiffLine> Lines(string inVersion, string now)
    {
        var lines = InlineDiffBuilder.Diff(inVersion, now, ignoreWhiteSpace: false).Lines
            .Where(l => l.Type != ChangeType.Imaginary)
            .Select(l => new DiffLine(l.Type switch
            {
                ChangeType.Deleted => DiffLineKind.Removed,
                ChangeType.Inserted => DiffLineKind.Added,
                _ => DiffLineKind.Unchanged,
            }, l.Text))
            .ToList();
        return Shorten(lines);
    }

    private static List<DiffLine> Shorten(List<DiffLine> lines)
    {
        var changed = lines.Select((line, index) => (line, index)).Where(x => x.line.Kind != DiffLineKind.Unchanged).Select(x => x.index).ToList();
        bool NearChange(int index) => changed.Any(c => Math.Abs(c - index) <= ContextLines);
        var shortened = new List<DiffLine>();
        var skipped = 0;
        for (var index = 0; index < lines.Count; index++)
        {
            if (lines[index].Kind != DiffLineKind.Unchanged || NearChange(index))
            {
                AddSkipped(shortened, ref skipped);
                shortened.Add(lines[index]);
            }
            else
            {
                skipped++;
            }
        }

        AddSkipped(shortened, ref skipped);
        return shortened;
    }

    private static void AddSkipped(List<DiffLine> lines, ref int skipped)
    {
        if (skipped > 0)
        {
            lines.Add(new DiffLine(DiffLineKind.Skipped, skipped == 1 ? "1 unchanged line" : $"{skipped} unchanged lines"));
            skipped = 0;
        }
    }

    private static List<FieldChange> Fields(DraftContent version, DraftContent current, DiffNames names)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string inVersion, string now)
        {
            if (inVersion != now)
            {
                changes.Add(new FieldChange(field, inVersion, now));
            }
        }

        Compare("Name", version.Name, current.Name);
        Compare("Layout", Layout(version, names), Layout(current, names));
        Compare("Recipients", Recipients(version, names), Recipients(current, names));
        Compare("CC", List(version.Cc), List(current.Cc));
        Compare("Attachments", List(version.Attachments.Select(id => Named(names.Files, id, "file")).ToList()), List(current.Attachments.Select(id => Named(names.Files, id, "file")).ToList()));
        Compare("Tracking", version.Tracking.Describe(), current.Tracking.Describe());
        return changes;
    }

    private static string Layout(DraftContent content, DiffNames names) => content switch
    {
        { UseLayout: false } => "no layout",
        { LayoutId: { } id } => $"“{Named(names.Layouts, id, "layout")}”",
        _ => "the default layout",
    };

    private static string Recipients(DraftContent content, DiffNames names)
    {
        if (content.RecipientsAll)
        {
            return "every nonprofit";
        }

        var parts = new List<string>();
        if (content.RecipientIds.Count > 0)
        {
            var picked = content.RecipientIds.Take(5).Select(id => Named(names.Nonprofits, id, "nonprofit")).ToList();
            parts.Add($"picked: {string.Join(", ", picked)}{(content.RecipientIds.Count > picked.Count ? $" and {content.RecipientIds.Count - picked.Count} more" : "")}");
        }

        AddFilter(parts, "search", content.RecipientsSearch);
        AddFilter(parts, "domain", content.RecipientsDomain);
        AddFilter(parts, "tag", content.RecipientsTag);
        return parts.Count == 0 ? "nobody chosen" : string.Join("; ", parts);
    }

    private static void AddFilter(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name} “{value}”");
        }
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    private static string Named(IReadOnlyDictionary<long, string> names, long id, string what) => names.TryGetValue(id, out var name) ? name : $"deleted {what} {id}";
}
