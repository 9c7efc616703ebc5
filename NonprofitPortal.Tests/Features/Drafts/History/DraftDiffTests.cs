using NonprofitPortal.Features.Drafts.History;

namespace NonprofitPortal.Tests.Features.Drafts.History;

public sealed class DraftDiffTests
{
    private static readonly DraftVersionSummary Summary = new(1, DraftVersionKind.Created, null, "grace@foundation.test", DateTimeOffset.UnixEpoch);

    private static DraftContent Content(string body = "<p>Body</p>", long? layoutId = null, IReadOnlyList<long>? attachments = null) =>
        new("Letter", "Subject", body, layoutId, true, false, null, null, "grantees", [], [], attachments ?? [], false, false);

    [Fact]
    public void Changed_lines_are_marked_removed_and_added_and_long_unchanged_stretches_are_shortened()
    {
        var same = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}"));

        var lines = DraftDiff.Lines($"{same}\nold end", $"{same}\nnew end");

        Assert.Equal(
            [("…", "8 unchanged lines"), (" ", "line 9"), (" ", "line 10"), ("−", "old end"), ("+", "new end")],
            lines.Select(l => (l.Marker, l.Text)));
    }

    [Fact]
    public void Whitespace_counts_in_templates() =>
        Assert.Contains(DraftDiff.Lines("<p>a</p>", "<p> a</p>"), l => l.Kind == DiffLineKind.Added);

    [Fact]
    public void Settings_that_differ_are_said_in_words_with_names()
    {
        var names = new DiffNames(new Dictionary<long, string> { [7] = "Newsletter" }, new Dictionary<long, string> { [3] = "report.pdf" }, new Dictionary<long, string>());

        var comparison = DraftDiff.Between(Summary, Content(layoutId: 7, attachments: [3, 4]), Content(), names);

        Assert.Equal(
            [new FieldChange("Layout", "“Newsletter”", "the default layout"), new FieldChange("Attachments", "report.pdf, deleted file 4", "none")],
            comparison.Fields);
        Assert.False(comparison.SameAsCurrent);
    }

    [Fact]
    public void The_same_content_compares_as_the_same_and_hashes_alike()
    {
        var comparison = DraftDiff.Between(Summary, Content(), Content(), DiffNames.None);

        Assert.True(comparison.SameAsCurrent);
        Assert.Equal(DraftContent.Hash(Content().Serialize()), DraftContent.Hash(Content().Serialize()));
        Assert.NotEqual(DraftContent.Hash(Content().Serialize()), DraftContent.Hash(Content(body: "<p>Other</p>").Serialize()));
        Assert.Equal(Content().Serialize(), DraftContent.Deserialize(Content().Serialize()).Serialize());
    }
}
