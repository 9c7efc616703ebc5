// What the visual editor can hold: the usual text formatting, plus template code kept as
// untouchable tokens, and an email button (a link styled inline, so that it looks like a button
// in every mail client whatever the layout).
import { Node, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { BulletList, OrderedList } from '@tiptap/extension-list';
import TextAlign from '@tiptap/extension-text-align';
import Image from '@tiptap/extension-image';
import { hasMarker, label } from './template-tags.js';

export const buttonStyle =
    'display:inline-block;padding:12px 24px;background-color:#2e5e4e;color:#ffffff;' +
    'font-weight:bold;text-decoration:none;border-radius:4px';

/** Code in running text: `{{ nonprofit.name }}`, or `{{ if … }}` inside a paragraph. */
const TemplateTag = Node.create({
    name: 'templateTag',
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    addAttributes() {
        return { code: { default: '', parseHTML: element => element.getAttribute('data-template') } };
    },
    parseHTML() {
        return [{ tag: 'span[data-template]' }];
    },
    renderHTML({ node }) {
        return ['span', { 'data-template': node.attrs.code, class: 'template-token', contenteditable: 'false' }, label(node.attrs.code)];
    },
    renderText({ node }) {
        return node.attrs.code;
    },
});

/** Code standing between blocks: `{{ if … }}` before a paragraph, `{{ for … }}` around list items. */
const TemplateBlock = Node.create({
    name: 'templateBlock',
    group: 'block',
    atom: true,
    selectable: true,
    addAttributes() {
        return { code: { default: '', parseHTML: element => element.getAttribute('data-template-block') } };
    },
    parseHTML() {
        return [{ tag: 'div[data-template-block]' }];
    },
    renderHTML({ node }) {
        return ['div', { 'data-template-block': node.attrs.code, class: 'template-block', contenteditable: 'false' }, node.attrs.code];
    },
});

const EmailButton = Node.create({
    name: 'emailButton',
    group: 'block',
    atom: true,
    selectable: true,
    addOptions() {
        return { codes: null, onEdit: () => { } };
    },
    addAttributes() {
        return { href: { default: '' }, label: { default: '' } };
    },
    parseHTML() {
        return [{
            tag: 'p[data-email-button]',
            priority: 60,
            getAttrs: element => {
                const link = element.querySelector('a');
                return link ? { href: link.getAttribute('href') ?? '', label: link.textContent } : false;
            },
        }];
    },
    renderHTML({ node }) {
        return ['p', { 'data-email-button': '', style: 'margin:24px 0' }, ['a', { href: node.attrs.href, class: 'button', style: buttonStyle }, node.attrs.label]];
    },
    addNodeView() {
        return ({ node, getPos }) => {
            const dom = document.createElement('p');
            dom.className = 'email-button-view';
            dom.contentEditable = 'false';
            const face = document.createElement('span');
            face.className = 'email-button-face';
            face.textContent = this.options.codes.restore(node.attrs.label) || 'Button';
            face.title = `${this.options.codes.restore(node.attrs.href)} (double-click to change)`;
            dom.append(face);
            dom.addEventListener('dblclick', () => this.options.onEdit(getPos()));
            return { dom };
        };
    },
});

/** Lists may hold `{{ for }}` … `{{ end }}` between their items. */
const TemplateBulletList = BulletList.extend({ content: '(listItem | templateBlock)+' });
const TemplateOrderedList = OrderedList.extend({ content: '(listItem | templateBlock)+' });

/** Ctrl+K asks for a link, as word processors do. */
const LinkShortcut = Extension.create({
    name: 'linkShortcut',
    addOptions() {
        return { onLink: () => { } };
    },
    addKeyboardShortcuts() {
        return { 'Mod-k': () => { this.options.onLink(); return true; } };
    },
});

export function extensions({ codes, onLink, onEditButton }) {
    return [
        StarterKit.configure({
            code: false,
            codeBlock: false,
            strike: false,
            bulletList: false,
            orderedList: false,
            heading: { levels: [1, 2, 3] },
            link: {
                openOnClick: false,
                autolink: true,
                HTMLAttributes: { target: null, rel: null, class: null },
                // Template code in an address (href="{{ unsubscribe_url }}") is a marker here.
                isAllowedUri: (url, { defaultValidate }) => hasMarker(url) || defaultValidate(url),
            },
        }),
        TemplateBulletList,
        TemplateOrderedList,
        TextAlign.configure({ types: ['heading', 'paragraph'] }),
        Image.configure({ inline: false, allowBase64: false, HTMLAttributes: { style: 'max-width:100%;height:auto' } }),
        TemplateTag,
        TemplateBlock,
        EmailButton.configure({ codes, onEdit: onEditButton }),
        LinkShortcut.configure({ onLink }),
    ];
}
