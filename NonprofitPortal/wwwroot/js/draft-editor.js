// Helpers for the draft editor: inserting a variable where the cursor is, and Ctrl+S.

export function insertAtCursor(element, text) {
    const start = element.selectionStart ?? element.value.length;
    const end = element.selectionEnd ?? start;
    element.value = element.value.slice(0, start) + text + element.value.slice(end);
    element.selectionStart = element.selectionEnd = start + text.length;
    element.focus();
    // Blazor's binding listens for input events.
    element.dispatchEvent(new Event('input', { bubbles: true }));
}

export function onSaveShortcut(dotnet) {
    const handler = event => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
            event.preventDefault();
            dotnet.invokeMethodAsync('SaveFromShortcutAsync');
        }
    };
    document.addEventListener('keydown', handler);
    return { dispose: () => document.removeEventListener('keydown', handler) };
}
