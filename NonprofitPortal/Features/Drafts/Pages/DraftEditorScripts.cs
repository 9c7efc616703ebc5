using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace NonprofitPortal.Features.Drafts.Pages;

/// <summary>The editor's JavaScript (wwwroot/js/draft-editor.js): inserting at the cursor, and Ctrl+S.</summary>
internal sealed class DraftEditorScripts : IAsyncDisposable
{
    private readonly IJSObjectReference _module;
    private readonly IJSObjectReference? _shortcut;
    private readonly IDisposable _target;

    private DraftEditorScripts(IJSObjectReference module, IJSObjectReference? shortcut, IDisposable target)
    {
        _module = module;
        _shortcut = shortcut;
        _target = target;
    }

    /// <summary>Loads the module and sends Ctrl+S to <paramref name="onSave"/>.</summary>
    public static async Task<DraftEditorScripts> StartAsync(IJSRuntime js, Func<Task> onSave)
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/draft-editor.js");
        var target = DotNetObjectReference.Create(new SaveShortcut(onSave));
        var shortcut = await module.InvokeAsync<IJSObjectReference?>("onSaveShortcut", target);
        return new DraftEditorScripts(module, shortcut, target);
    }

    public ValueTask InsertAtCursorAsync(ElementReference element, string text) => _module.InvokeVoidAsync("insertAtCursor", element, text);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_shortcut is not null)
            {
                await _shortcut.InvokeVoidAsync("dispose");
                await _shortcut.DisposeAsync();
            }

            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone, and its listener with it.
        }

        _target.Dispose();
    }

    private sealed class SaveShortcut(Func<Task> onSave)
    {
        [JSInvokable]
        public Task SaveFromShortcutAsync() => onSave();
    }
}
