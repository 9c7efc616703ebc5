using System.Security.Claims;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.History;

namespace NonprofitPortal.Tests.Integration.Drafts;

[Collection(SqliteHostCollection.Name)]
public sealed class DraftHistoryServiceTests(SqliteHost fixture)
{
    private static readonly ClaimsPrincipal Grace = User("grace-id", "grace@foundation.test");
    private static readonly ClaimsPrincipal Omar = User("omar-id", "omar@foundation.test");
    private readonly PortalHost _host = fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_users_autosaves_make_one_version_and_a_manual_save_or_another_user_starts_a_new_one()
    {
        var drafts = _host.Services.GetRequiredService<DraftService>();
        var history = _host.Services.GetRequiredService<DraftHistoryService>();
        var draft = (await drafts.CreateAsync(Input("typing 1"), Grace, Cancel)).Value!;

        foreach (var (body, reason, user) in new[]
        {
            ("typing 2", DraftSaveReason.Autosave, Grace),
            ("typing 3", DraftSaveReason.Autosave, Grace),
            ("typing 4", DraftSaveReason.Autosave, Grace),
            ("typing 4", DraftSaveReason.Saved, Grace),
            ("typing 5", DraftSaveReason.Autosave, Grace),
            ("typing 6", DraftSaveReason.Autosave, Omar),
        })
        {
            Assert.True((await drafts.UpdateAsync(draft.Id, Input(body), null, reason, user, Cancel)).Succeeded);
        }

        var versions = (await history.ListAsync(draft.Id, Cancel))!;
        Assert.Equal(
            [(4, DraftVersionKind.Autosave, "omar@foundation.test"), (3, DraftVersionKind.Autosave, "grace@foundation.test"), (2, DraftVersionKind.Saved, "grace@foundation.test"), (1, DraftVersionKind.Created, "grace@foundation.test")],
            versions.Select(v => (v.Number, v.Kind, v.SavedBy)));
        Assert.Equal("typing 4", (await history.FindAsync(draft.Id, 2, Cancel))!.Content.BodyTemplate);
        Assert.Equal("typing 5", (await history.FindAsync(draft.Id, 3, Cancel))!.Content.BodyTemplate);
    }

    [Fact]
    public async Task Comparing_a_version_shows_the_changed_lines_and_settings_against_the_current_draft()
    {
        var drafts = _host.Services.GetRequiredService<DraftService>();
        var history = _host.Services.GetRequiredService<DraftHistoryService>();
        var draft = (await drafts.CreateAsync(Input("<p>Hello</p>\n<p>Old line</p>"), Grace, Cancel)).Value!;
        await drafts.UpdateAsync(draft.Id, Input("<p>Hello</p>\n<p>New line</p>") with { Cc = ["board@foundation.test"] }, null, Grace, Cancel);

        var comparison = (await history.CompareAsync(draft.Id, 1, Cancel)).Value!;

        Assert.Contains(comparison.Body, l => l is { Kind: DiffLineKind.Removed, Text: "<p>Old line</p>" });
        Assert.Contains(comparison.Body, l => l is { Kind: DiffLineKind.Added, Text: "<p>New line</p>" });
        Assert.Equal(new FieldChange("CC", "none", "board@foundation.test"), Assert.Single(comparison.Fields));
    }

    private static DraftInput Input(string body) => new("Coalesced", "Subject", body, RecipientSelection.None, []);

    private static ClaimsPrincipal User(string id, string email) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email)], "test"));
}
