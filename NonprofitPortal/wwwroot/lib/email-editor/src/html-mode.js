// The HTML mode: CodeMirror with line numbers, HTML highlighting, template code marked, and the
// template errors the server finds shown at their line and column.
import { EditorState, Compartment } from '@codemirror/state';
import {
    EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
    MatchDecorator, ViewPlugin, Decoration,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { html } from '@codemirror/lang-html';
import { HighlightStyle, syntaxHighlighting, bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { tags } from '@lezer/highlight';

// Colours with at least 4.5:1 contrast on the page's surface, in each theme.
const lightColours = HighlightStyle.define([
    { tag: [tags.tagName, tags.angleBracket], color: '#116329' },
    { tag: tags.attributeName, color: '#6639ba' },
    { tag: [tags.attributeValue, tags.string], color: '#0a3069' },
    { tag: tags.comment, color: '#57606a', fontStyle: 'italic' },
    { tag: [tags.character, tags.processingInstruction, tags.documentMeta], color: '#953800' },
]);

const darkColours = HighlightStyle.define([
    { tag: [tags.tagName, tags.angleBracket], color: '#7ee787' },
    { tag: tags.attributeName, color: '#d2a8ff' },
    { tag: [tags.attributeValue, tags.string], color: '#a5d6ff' },
    { tag: tags.comment, color: '#b1bac4', fontStyle: 'italic' },
    { tag: [tags.character, tags.processingInstruction, tags.documentMeta], color: '#ffa657' },
]);

// The page's own palette (MudBlazor's variables), so both themes follow the app's.
const frame = EditorView.theme({
    '&': { color: 'var(--mud-palette-text-primary)', backgroundColor: 'var(--mud-palette-surface)', fontSize: '.875rem' },
    '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', caretColor: 'var(--mud-palette-text-primary)' },
    '.cm-gutters': { backgroundColor: 'var(--mud-palette-background-gray)', color: 'var(--mud-palette-text-primary)', borderRight: '1px solid var(--mud-palette-lines-default)' },
    '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--mud-palette-action-default-hover)' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--mud-palette-primary-lighten) !important', opacity: 0.35 },
    '.cm-templateCode': { fontWeight: '600', borderRadius: '3px', outline: '1px solid var(--mud-palette-lines-default)' },
});

const templateCode = new MatchDecorator({
    regexp: /\{\{[\s\S]*?\}\}|\{%\{[\s\S]*?\}%\}/g,
    decoration: Decoration.mark({ class: 'cm-templateCode' }),
});

const templateCodeHighlighter = ViewPlugin.define(view => ({
    decorations: templateCode.createDeco(view),
    update(update) {
        this.decorations = templateCode.updateDeco(update, this.decorations);
    },
}), { decorations: plugin => plugin.decorations });

export function createHtmlMode(host, { value, label, dark, disabled, onChange }) {
    const colours = new Compartment();
    const editable = new Compartment();
    const view = new EditorView({
        parent: host,
        state: EditorState.create({
            doc: value,
            extensions: [
                lineNumbers(),
                highlightActiveLineGutter(),
                highlightActiveLine(),
                history(),
                drawSelection(),
                indentOnInput(),
                bracketMatching(),
                closeBrackets(),
                highlightSelectionMatches(),
                html(),
                templateCodeHighlighter,
                frame,
                colours.of(syntaxHighlighting(dark ? darkColours : lightColours)),
                editable.of([EditorView.editable.of(!disabled), EditorState.readOnly.of(disabled)]),
                lintGutter(),
                EditorView.lineWrapping,
                // Tab is left to move focus on, so that the keyboard can leave the editor.
                keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap]),
                EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', spellcheck: 'false', tabindex: '0' }),
                EditorView.updateListener.of(update => {
                    if (update.docChanged) {
                        onChange(update.state.doc.toString());
                    }
                }),
            ],
        }),
    });

    return {
        get value() {
            return view.state.doc.toString();
        },
        setValue(text) {
            view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
        },
        insert(text) {
            view.dispatch(view.state.replaceSelection(text));
            view.focus();
        },
        /** Errors as [{ line, column, message }], 1-based as the server reports them. */
        setErrors(errors) {
            const doc = view.state.doc;
            const diagnostics = errors
                .filter(error => error.line >= 1 && error.line <= doc.lines)
                .map(error => {
                    const line = doc.line(error.line);
                    const from = Math.min(line.from + Math.max(error.column - 1, 0), line.to);
                    // The word the error points at, or one character.
                    const word = /^\S+/.exec(doc.sliceString(from, line.to));
                    const to = Math.min(from + (word ? word[0].length : 1), doc.length);
                    return { from, to, severity: 'error', message: error.message };
                });
            view.dispatch(setDiagnostics(view.state, diagnostics));
        },
        setDark(isDark) {
            view.dispatch({ effects: colours.reconfigure(syntaxHighlighting(isDark ? darkColours : lightColours)) });
        },
        setDisabled(isDisabled) {
            view.dispatch({ effects: editable.reconfigure([EditorView.editable.of(!isDisabled), EditorState.readOnly.of(isDisabled)]) });
        },
        focus() {
            view.focus();
        },
        destroy() {
            view.destroy();
        },
    };
}
