// HTML into the visual editor's document and back, and what a trip through it would lose.
import { DOMParser as DocumentParser, DOMSerializer } from '@tiptap/pm/model';
import { TemplateCodes } from './template-tags.js';

// Code standing alone among these elements' children sits between blocks, not in running text.
const blockParents = new Set(['BLOCKQUOTE', 'UL', 'OL', 'DIV', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'BODY']);

/** Parses HTML as a fragment: nothing is moved into a <head> or out of a table's context. */
function fragment(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
}

/** Text markers become token elements the schema knows, so that code shows as a chip. */
function markTokens(root, codes) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        texts.push(node);
    }

    for (const text of texts) {
        const parts = codes.split(text.data);
        if (parts.every(part => part.text !== undefined) || text.parentElement?.closest('p[data-email-button]')) {
            continue;
        }

        const parent = text.parentNode;
        const standsAlone = parts.every(part => part.code !== undefined || part.text.trim() === '');
        const block = standsAlone && (parent === root || blockParents.has(parent.nodeName));
        for (const part of parts) {
            if (part.text !== undefined) {
                parent.insertBefore(document.createTextNode(part.text), text);
            } else {
                const token = document.createElement(block ? 'div' : 'span');
                token.setAttribute(block ? 'data-template-block' : 'data-template', part.code);
                parent.insertBefore(token, text);
            }
        }

        text.remove();
    }
}

export function toDocument(html, schema, codes) {
    const root = fragment(codes.protect(html));
    markTokens(root, codes);
    return DocumentParser.fromSchema(schema).parse(root);
}

export function isEmpty(doc) {
    return doc.childCount === 1 && doc.firstChild.type.name === 'paragraph' && doc.firstChild.childCount === 0;
}

export function toHtml(doc, schema, codes) {
    if (isEmpty(doc)) {
        return '';
    }

    const container = document.createElement('div');
    container.append(DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document }));
    for (const token of container.querySelectorAll('[data-template], [data-template-block]')) {
        const code = token.getAttribute('data-template') ?? token.getAttribute('data-template-block');
        token.replaceWith(document.createTextNode(codes.marker(code)));
    }

    // The editor keeps an empty paragraph at the end, for the cursor to go below a list or an image.
    while (container.lastChild?.nodeName === 'P' && container.lastChild.childNodes.length === 0 && container.lastChild.attributes.length === 0) {
        container.lastChild.remove();
    }

    // The editor wraps a list item's text in a paragraph; mail clients would add its margins.
    for (const item of container.querySelectorAll('li')) {
        if (item.childNodes.length === 1 && item.firstChild.nodeName === 'P' && item.firstChild.attributes.length === 0) {
            item.firstChild.replaceWith(...item.firstChild.childNodes);
        }
    }

    return codes.restore(container.innerHTML);
}

/** Every element, attribute, style declaration and comment, counted; and the text without spaces. */
function features(html) {
    const codes = new TemplateCodes();
    const counts = new Map();
    const add = key => counts.set(key, (counts.get(key) ?? 0) + 1);
    const scratch = document.createElement('span');
    let text = '';
    const walker = document.createTreeWalker(fragment(codes.protect(html)), NodeFilter.SHOW_ALL);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
            text += node.data;
        } else if (node.nodeType === Node.COMMENT_NODE) {
            add('comment');
        } else if (node.nodeType === Node.ELEMENT_NODE) {
            const tag = node.localName;
            add(`tag\u0001${tag}`);
            for (const attribute of node.attributes) {
                if (attribute.name === 'style') {
                    scratch.setAttribute('style', attribute.value);
                    for (const property of scratch.style) {
                        add(`style\u0001${tag}\u0001${property}: ${scratch.style.getPropertyValue(property)}`);
                    }
                } else {
                    add(`attribute\u0001${tag}\u0001${attribute.name}\u0001${codes.restore(attribute.value)}`);
                }
            }
        }
    }

    return { counts, text: codes.restore(text).replace(/\s+/g, '') };
}

function describe(key, missing) {
    const [kind, tag, detail, value] = key.split('\u0001');
    const times = missing > 1 ? ` (${missing} times)` : '';
    switch (kind) {
        case 'comment':
            return `${missing} HTML comment${missing > 1 ? 's' : ''}`;
        case 'tag':
            return `the <${tag}> element${times}`;
        case 'style':
            return `the style “${detail}” on <${tag}>${times}`;
        default:
            return `the ${detail}="${value.length > 40 ? value.slice(0, 40) + '…' : value}" attribute on <${tag}>${times}`;
    }
}

/** What the visual editor would drop from this HTML, in words; empty when it keeps everything. */
export function losses(html, schema) {
    const original = features(html);
    const codes = new TemplateCodes();
    const kept = features(toHtml(toDocument(html, schema, codes), schema, codes));
    const lost = [];
    for (const [key, count] of original.counts) {
        const missing = count - (kept.counts.get(key) ?? 0);
        if (missing > 0) {
            lost.push(describe(key, missing));
        }
    }

    if (original.text !== kept.text) {
        lost.push('some of the text, or its order');
    }

    return lost;
}
