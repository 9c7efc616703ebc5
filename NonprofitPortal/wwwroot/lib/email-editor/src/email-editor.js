// The email body editor: a visual mode (TipTap) and an HTML mode (CodeMirror) over one value,
// driven by the Blazor component EmailBodyEditor through the object `create` returns. It calls
// back into .NET for changes, the toolbar's state and the dialogs (links, images, buttons).
import { Editor } from '@tiptap/core';
import { extensions } from './visual-schema.js';
import { TemplateCodes } from './template-tags.js';
import { toDocument, toHtml, losses } from './visual-html.js';
import { cleanPastedHtml } from './paste.js';
import { createHtmlMode } from './html-mode.js';

// Changes reach .NET after this pause in typing: the whole body travels each time.
const changeDelay = 150;

class EmailEditor {
    #dotnet;
    #codes = new TemplateCodes();
    #visual;
    #html;
    #mode = 'html';
    #value;
    #visualEdited = false;
    #timer = null;
    #formatting = '';

    constructor(visualHost, htmlHost, dotnet, { value, mode, label, dark, disabled }) {
        this.#dotnet = dotnet;
        this.#value = value ?? '';
        this.#visual = new Editor({
            element: visualHost,
            extensions: extensions({
                codes: this.#codes,
                onLink: () => this.#askLink(),
                onEditButton: position => this.#askButton(position),
            }),
            editable: !disabled,
            editorProps: {
                attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, class: 'email-editor-content' },
                transformPastedHTML: cleanPastedHtml,
                // Image files dropped or pasted go to the media library, not into the body as data.
                handleDrop: (view, event, slice, moved) => !moved && this.#dropImage(event.dataTransfer, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos, event),
                handlePaste: (view, event) => this.#dropImage(event.clipboardData, view.state.selection.from, event),
            },
            onUpdate: () => {
                this.#visualEdited = true;
                this.#changed();
            },
            onTransaction: () => this.#reportFormatting(),
        });
        this.#html = createHtmlMode(htmlHost, { value: this.#value, label: `${label} (HTML)`, dark, disabled, onChange: () => this.#changed() });
        this.#enter(mode === 'auto' ? (this.check().length === 0 ? 'visual' : 'html') : mode);
    }

    currentMode() {
        return this.#mode;
    }

    /** The body as HTML, template code exactly as written. */
    get value() {
        if (this.#mode === 'html') {
            return this.#html.value;
        }

        return this.#visualEdited ? toHtml(this.#visual.state.doc, this.#visual.schema, this.#codes) : this.#value;
    }

    /** What switching to the visual mode would drop from the current HTML, in words. */
    check() {
        return losses(this.value, this.#visual.schema);
    }

    /** Switches mode; the caller has asked the user when `check` found losses. Returns the mode. */
    setMode(mode) {
        if (mode !== this.#mode) {
            this.#value = this.value;
            const lossy = mode === 'visual' && this.check().length > 0;
            this.#enter(mode);
            if (lossy) {
                // What the visual editor shows is now the body: the dropped parts are gone.
                this.#visualEdited = true;
                this.#changed();
            }
        }

        return this.#mode;
    }

    /** A new value from outside (a draft loaded); returns the mode, HTML when the visual one would lose parts. */
    setValue(html) {
        clearTimeout(this.#timer);
        this.#value = html ?? '';
        const mode = this.#mode === 'visual' && losses(this.#value, this.#visual.schema).length > 0 ? 'html' : this.#mode;
        this.#enter(mode);
        return mode;
    }

    /** The current value, sent at once instead of after the pause (saving must not miss the last keys). */
    flush() {
        clearTimeout(this.#timer);
        this.#timer = null;
        return this.value;
    }

    insert(code) {
        if (this.#mode === 'html') {
            this.#html.insert(code);
        } else {
            this.#visual.chain().focus().insertContent({ type: 'templateTag', attrs: { code } }).run();
        }
    }

    command(name) {
        const chain = this.#visual.chain().focus();
        const commands = {
            bold: () => chain.toggleBold(),
            italic: () => chain.toggleItalic(),
            underline: () => chain.toggleUnderline(),
            paragraph: () => chain.setParagraph(),
            heading1: () => chain.toggleHeading({ level: 1 }),
            heading2: () => chain.toggleHeading({ level: 2 }),
            heading3: () => chain.toggleHeading({ level: 3 }),
            bulletList: () => chain.toggleBulletList(),
            orderedList: () => chain.toggleOrderedList(),
            blockquote: () => chain.toggleBlockquote(),
            alignLeft: () => chain.setTextAlign('left'),
            alignCenter: () => chain.setTextAlign('center'),
            alignRight: () => chain.setTextAlign('right'),
            rule: () => chain.setHorizontalRule(),
            undo: () => chain.undo(),
            redo: () => chain.redo(),
        };
        switch (name) {
            case 'link':
                return this.#askLink();
            case 'image':
                return this.#askImage();
            case 'button':
                return this.#askButton(null);
            default:
                commands[name]?.().run();
                return Promise.resolve();
        }
    }

    /** Template errors as [{ line, column, message }], marked in the HTML mode. */
    setErrors(errors) {
        this.#html.setErrors(errors);
    }

    setDark(dark) {
        this.#html.setDark(dark);
    }

    setDisabled(disabled) {
        this.#visual.setEditable(!disabled);
        this.#html.setDisabled(disabled);
    }

    focus() {
        if (this.#mode === 'html') {
            this.#html.focus();
        } else {
            this.#visual.commands.focus();
        }
    }

    dispose() {
        clearTimeout(this.#timer);
        this.#visual.destroy();
        this.#html.destroy();
    }

    #enter(mode) {
        if (mode === 'visual') {
            const { state, view } = this.#visual;
            const doc = toDocument(this.#value, this.#visual.schema, this.#codes);
            view.dispatch(state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta('addToHistory', false).setMeta('preventUpdate', true));
            this.#visualEdited = false;
        } else if (this.#html.value !== this.#value) {
            this.#html.setValue(this.#value);
        }

        this.#mode = mode;
        this.#formatting = '';
        this.#reportFormatting();
    }

    #changed() {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
            this.#timer = null;
            this.#dotnet.invokeMethodAsync('ChangedAsync', this.value);
        }, changeDelay);
    }

    #reportFormatting() {
        if (this.#mode !== 'visual') {
            return;
        }

        const editor = this.#visual;
        const formatting = {
            bold: editor.isActive('bold'),
            italic: editor.isActive('italic'),
            underline: editor.isActive('underline'),
            link: editor.isActive('link'),
            bulletList: editor.isActive('bulletList'),
            orderedList: editor.isActive('orderedList'),
            blockquote: editor.isActive('blockquote'),
            heading: [1, 2, 3].find(level => editor.isActive('heading', { level })) ?? 0,
            align: ['center', 'right'].find(align => editor.isActive({ textAlign: align })) ?? 'left',
            canUndo: editor.can().undo(),
            canRedo: editor.can().redo(),
        };
        const key = JSON.stringify(formatting);
        if (key !== this.#formatting) {
            this.#formatting = key;
            this.#dotnet.invokeMethodAsync('FormattingChanged', formatting);
        }
    }

    async #askLink() {
        const editor = this.#visual;
        const inLink = editor.isActive('link');
        const needsText = editor.state.selection.empty && !inLink;
        const answer = await this.#dotnet.invokeMethodAsync('AskLinkAsync', this.#codes.restore(editor.getAttributes('link').href ?? ''), needsText);
        const chain = editor.chain().focus();
        if (answer === null) {
            chain.run();
        } else if (answer.href === '') {
            chain.extendMarkRange('link').unsetLink().run();
        } else if (needsText) {
            const href = this.#codes.protect(answer.href);
            chain.insertContent({ type: 'text', text: answer.text || answer.href, marks: [{ type: 'link', attrs: { href } }] }).run();
        } else {
            chain.extendMarkRange('link').setLink({ href: this.#codes.protect(answer.href) }).run();
        }
    }

    async #askImage() {
        const answer = await this.#dotnet.invokeMethodAsync('AskImageAsync');
        const chain = this.#visual.chain().focus();
        if (answer !== null) {
            chain.setImage({ src: this.#codes.protect(answer.src), alt: this.#codes.protect(answer.alt) });
        }

        chain.run();
    }

    /** Uploads the first file of a drop or a paste, asks for its text, and puts it at `position`; false when there is no file. */
    #dropImage(transfer, position, event) {
        const file = transfer?.files?.[0];
        if (!file || position === undefined) {
            return false;
        }

        event.preventDefault();
        this.#uploadImage(file, position);
        return true;
    }

    async #uploadImage(file, position) {
        // Streamed to the server in chunks (a whole image is more than one circuit message may carry).
        const answer = await this.#dotnet.invokeMethodAsync('UploadImageAsync', DotNet.createJSStreamReference(file), file.name);
        const chain = this.#visual.chain().focus();
        if (answer !== null) {
            // The body may have changed while the dialog was open.
            chain.insertContentAt(Math.min(position, this.#visual.state.doc.content.size), { type: 'image', attrs: { src: this.#codes.protect(answer.src), alt: this.#codes.protect(answer.alt) } });
        }

        chain.run();
    }

    async #askButton(position) {
        const node = position === null ? null : this.#visual.state.doc.nodeAt(position);
        const current = { href: this.#codes.restore(node?.attrs.href ?? ''), label: this.#codes.restore(node?.attrs.label ?? '') };
        const answer = await this.#dotnet.invokeMethodAsync('AskButtonAsync', current);
        if (answer === null) {
            this.#visual.commands.focus();
            return;
        }

        const attrs = { href: this.#codes.protect(answer.href), label: this.#codes.protect(answer.label) };
        if (node) {
            const { state, view } = this.#visual;
            view.dispatch(state.tr.setNodeMarkup(position, undefined, attrs));
            this.#visual.commands.focus();
        } else {
            this.#visual.chain().focus().insertContent({ type: 'emailButton', attrs }).run();
        }
    }
}

export function create(visualHost, htmlHost, dotnet, options) {
    return new EmailEditor(visualHost, htmlHost, dotnet, options);
}
