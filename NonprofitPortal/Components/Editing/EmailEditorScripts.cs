using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace NonprofitPortal.Components.Editing;

/// <summary>The email body editor's ES module (wwwroot/lib/email-editor) and the editor object it creates, as typed calls.</summary>
internal sealed class EmailEditorScripts : IAsyncDisposable
{
    public const string ModulePath = "./lib/email-editor/email-editor.js";

    private readonly IJSObjectReference _module;
    private readonly IJSObjectReference _editor;

    private EmailEditorScripts(IJSObjectReference module, IJSObjectReference editor)
    {
        _module = module;
        _editor = editor;
    }

    /// <param name="callbacks">Receives changes, the toolbar's state and the dialogs' questions.</param>
    public static async Task<EmailEditorScripts> CreateAsync<T>(
        IJSRuntime js, ElementReference visualHost, ElementReference htmlHost, DotNetObjectReference<T> callbacks, EditorStart start)
        where T : class
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
        var editor = await module.InvokeAsync<IJSObjectReference>("create", visualHost, htmlHost, callbacks, start);
        return new EmailEditorScripts(module, editor);
    }

    public async Task<EditorMode> ModeAsync() => Parse(await _editor.InvokeAsync<string>("currentMode"));

    /// <summary>What switching to the visual mode would drop from the HTML, in words.</summary>
    public ValueTask<string[]> CheckAsync() => _editor.InvokeAsync<string[]>("check");

    public async Task<EditorMode> SetModeAsync(EditorMode mode) => Parse(await _editor.InvokeAsync<string>("setMode", Name(mode)));

    /// <returns>The mode the editor is in: HTML when the visual one would lose parts of the new value.</returns>
    public async Task<EditorMode> SetValueAsync(string value) => Parse(await _editor.InvokeAsync<string>("setValue", value));

    public ValueTask<string> FlushAsync() => _editor.InvokeAsync<string>("flush");

    public ValueTask InsertAsync(string code) => _editor.InvokeVoidAsync("insert", code);

    public ValueTask CommandAsync(string name) => _editor.InvokeVoidAsync("command", name);

    public ValueTask SetErrorsAsync(IEnumerable<EditorErrorMark> errors) => _editor.InvokeVoidAsync("setErrors", errors);

    public ValueTask SetDarkAsync(bool dark) => _editor.InvokeVoidAsync("setDark", dark);

    public ValueTask SetDisabledAsync(bool disabled) => _editor.InvokeVoidAsync("setDisabled", disabled);

    public ValueTask FocusAsync() => _editor.InvokeVoidAsync("focus");

    public static string Name(EditorMode mode) => mode == EditorMode.Visual ? "visual" : "html";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _editor.InvokeVoidAsync("dispose");
            await _editor.DisposeAsync();
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone, and the editor with it.
        }
    }

    private static EditorMode Parse(string mode) => mode == "visual" ? EditorMode.Visual : EditorMode.Html;
}
