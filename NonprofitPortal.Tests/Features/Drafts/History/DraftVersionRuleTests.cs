using NonprofitPortal.Features.Drafts.History;

namespace NonprofitPortal.Tests.Features.Drafts.History;

public sealed class DraftVersionRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static DraftHistoryHead Head(DraftVersionKind kind, string by = "grace", TimeSpan? age = null) =>
        new() { Number = 3, Kind = kind, SavedBy = by, StartedAt = Now - (age ?? TimeSpan.FromMinutes(1)), ContentHash = "old" };

    [Fact]
    public void A_draft_without_versions_and_a_restore_always_add_one() => Assert.Equal(
        [VersionStep.Add, VersionStep.Add],
        [DraftVersionRule.Decide(new DraftHistoryHead(), "old", DraftSaveReason.Autosave, "grace", Now), DraftVersionRule.Decide(Head(DraftVersionKind.Saved), "old", DraftSaveReason.Restore(1), "grace", Now)]);

    [Fact]
    public void A_save_that_changes_nothing_adds_nothing() =>
        Assert.Equal(VersionStep.None, DraftVersionRule.Decide(Head(DraftVersionKind.Saved), "old", DraftSaveReason.Saved, "grace", Now));

    [Fact]
    public void A_manual_save_of_what_an_autosave_kept_marks_that_version_saved() =>
        Assert.Equal(VersionStep.MarkHeadSaved, DraftVersionRule.Decide(Head(DraftVersionKind.Autosave), "old", DraftSaveReason.Saved, "grace", Now));

    [Fact]
    public void An_autosave_continues_the_same_users_recent_autosave() =>
        Assert.Equal(VersionStep.ReplaceHead, DraftVersionRule.Decide(Head(DraftVersionKind.Autosave), "new", DraftSaveReason.Autosave, "grace", Now));

    [Theory]
    [InlineData(DraftVersionKind.Autosave, "omar", 1)]
    [InlineData(DraftVersionKind.Autosave, "grace", 10)]
    [InlineData(DraftVersionKind.Saved, "grace", 1)]
    [InlineData(DraftVersionKind.Restored, "grace", 1)]
    public void An_autosave_after_another_user_an_old_autosave_or_a_deliberate_version_adds_one(DraftVersionKind head, string by, int minutesAgo) =>
        Assert.Equal(VersionStep.Add, DraftVersionRule.Decide(Head(head, by, TimeSpan.FromMinutes(minutesAgo)), "new", DraftSaveReason.Autosave, "grace", Now));

    [Fact]
    public void A_manual_save_that_changes_the_content_adds_a_version_even_after_an_own_autosave() =>
        Assert.Equal(VersionStep.Add, DraftVersionRule.Decide(Head(DraftVersionKind.Autosave), "new", DraftSaveReason.Saved, "grace", Now));
}
