using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.Pages;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.Features.Drafts;

/// <summary>The editor's save and autosave, against the real draft service of a real host (SQLite).</summary>
[Collection(SqliteHostCollection.Name)]
public sealed class DraftEditorSessionTests(SqliteHost fixture)
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
    private readonly PortalHost _host = fixture.Host;
    private readonly FakeTimeProvider _time = new();
    private int _autosaves;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_the_database_refuses_says_so_and_leaves_save_working_for_the_next_try()
    {
        using var session = await NewSessionAsync();
        session.Form.Name = "Refused once";
        // A recipient the directory does not have: the database's foreign key refuses the row.
        session.Form.Chosen.Add(DraftPreviewer.Sample with { Id = 987_654_321 });

        Assert.False(await session.SaveAsync(Admin, auto: false, Cancel));
        Assert.False(session.Saving);
        Assert.Contains("could not be saved", session.Error);
        Assert.True(session.IsDirty);

        session.Form.Chosen.Clear();
        Assert.True(await session.SaveAsync(Admin, auto: false, Cancel));
        Assert.Null(session.Error);
        Assert.False(session.IsDirty);
        Assert.NotNull(session.DraftId);
    }

    [Fact]
    public async Task Changes_are_saved_once_writing_pauses_and_not_before()
    {
        using var session = await NewSessionAsync();
        session.Form.Name = "Autosaved";

        session.Changed();
        _time.Advance(TimeSpan.FromSeconds(2));
        session.Changed();
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, _autosaves);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.GetAsync(() => _autosaves == 1 ? "saved" : null, "the autosave, three seconds after the last change");
        Assert.Equal(1, _autosaves);
    }

    private async Task<DraftEditorSession> NewSessionAsync()
    {
        var session = new DraftEditorSession(
            _host.Services.GetRequiredService<DraftService>(), _host.Services.GetRequiredService<NonprofitDirectory>(), _time, NullLogger.Instance,
            work => work(), () => Task.FromResult(++_autosaves));
        await session.LoadAsync(null, canEdit: true, Cancel);
        return session;
    }
}
