using System.Security.Claims;
using NonprofitPortal.Components;
using NonprofitPortal.Features.Drafts.History;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts.Pages;

/// <summary>
/// The draft editor's state between the page and the service: the form, what was last saved,
/// whether a save runs or failed, and the autosave that follows a pause in writing.
/// </summary>
public sealed class DraftEditorSession : IDisposable
{
    public static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(3);

    private readonly DraftService _drafts;
    private readonly NonprofitDirectory _directory;
    private readonly ILogger _logger;
    private readonly Debouncer _autosave;
    private string _savedFingerprint = "";

    /// <param name="dispatch">The page's <c>InvokeAsync</c>.</param>
    /// <param name="autosave">What the page does to save after a pause (it knows the user and the browser).</param>
    public DraftEditorSession(DraftService drafts, NonprofitDirectory directory, TimeProvider time, ILogger logger, Func<Func<Task>, Task> dispatch, Func<Task> autosave)
    {
        (_drafts, _directory, _logger) = (drafts, directory, logger);
        _autosave = new Debouncer(AutosaveDelay, time, dispatch, autosave);
    }

    public DraftForm Form { get; private set; } = new();

    public long? DraftId { get; private set; }

    public bool Loaded { get; private set; }

    public bool Missing { get; private set; }

    public bool CanEdit { get; private set; }

    public bool Saving { get; private set; }

    /// <summary>Why the last save failed, in words; null once a save succeeds.</summary>
    public string? Error { get; private set; }

    public DateTimeOffset? SavedAt { get; private set; }

    /// <summary>Counts the changes, for the preview to follow.</summary>
    public int Changes { get; private set; }

    public bool IsDirty => Loaded && Form.Fingerprint() != _savedFingerprint;

    public string Status => Saving ? "Saving…" : IsDirty ? "Unsaved changes" : SavedAt is { } at ? $"Saved at {at.UtcDateTime:HH:mm:ss} UTC" : "";

    /// <summary>The draft's version the form started from (what a save or a restore expects to replace).</summary>
    public int? Version { get; private set; }

    /// <summary>Whether <paramref name="id"/> is what the session holds (a new draft keeps its session when it gets its id).</summary>
    public bool Holds(long? id) => Loaded && id is not null && id == DraftId;

    public async Task LoadAsync(long? id, bool canEdit, CancellationToken cancellationToken)
    {
        CanEdit = canEdit;
        if (id is { } draftId)
        {
            var draft = await _drafts.FindAsync(draftId, cancellationToken);
            Missing = draft is null;
            if (draft is not null)
            {
                await ShowAsync(draft, cancellationToken);
                return;
            }
        }

        _savedFingerprint = Form.Fingerprint();
        Loaded = true;
    }

    /// <summary>Puts <paramref name="draft"/> as saved (e.g. just restored) on screen.</summary>
    public async Task ShowAsync(DraftDetails draft, CancellationToken cancellationToken)
    {
        Form = DraftForm.From(draft, await _directory.FindManyAsync(draft.Recipients.Ids, cancellationToken));
        (DraftId, Version, SavedAt, Error) = (draft.Id, draft.Version, draft.UpdatedAt, null);
        _savedFingerprint = Form.Fingerprint();
        Changes++;
        Loaded = true;
    }

    public void Changed()
    {
        Changes++;
        if (CanEdit)
        {
            _autosave.Touch();
        }
    }

    /// <param name="auto">An autosave: only when there is something to save, and a name to save it under.</param>
    /// <returns>True when the draft is saved as it is on screen.</returns>
    public async Task<bool> SaveAsync(ClaimsPrincipal user, bool auto, CancellationToken cancellationToken)
    {
        if (!CanEdit || Saving || (auto && (!IsDirty || string.IsNullOrWhiteSpace(Form.Name))))
        {
            return !IsDirty;
        }

        _autosave.Cancel();
        Saving = true;
        var fingerprint = Form.Fingerprint();
        try
        {
            var result = DraftId is { } id
                ? await _drafts.UpdateAsync(id, Form.ToInput(), Version, auto ? DraftSaveReason.Autosave : DraftSaveReason.Saved, user, cancellationToken)
                : await _drafts.CreateAsync(Form.ToInput(), user, cancellationToken);
            if (!result.Succeeded)
            {
                Error = result.Message;
                return false;
            }

            (Error, DraftId, Version, _savedFingerprint, SavedAt) = (null, result.Value!.Id, result.Value.Version, fingerprint, result.Value.UpdatedAt);
            return fingerprint == Form.Fingerprint();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogError(exception, "Saving draft {DraftId} failed", DraftId);
            Error = "The draft could not be saved: the server did not answer as expected. Your changes are still on screen; try again in a moment.";
            return false;
        }
        finally
        {
            // Whatever happened, Save works again.
            Saving = false;
        }
    }

    public void Dispose() => _autosave.Dispose();
}
