// What Word and Google Docs put on the clipboard, reduced to what the visual editor keeps. The
// editor's schema already drops unknown elements and styles; this removes what it would
// otherwise keep as text (Word's list bullets, conditional comments, <o:p>) and turns Word's
// list paragraphs into real lists.

const wordListParagraph = element => /mso-list:\s*l\d/i.test(element.getAttribute('style') ?? '');

/** Removes the bullet or number Word writes before a list paragraph's text; says which kind it was. */
function takeWordListMarker(paragraph) {
    let ordered = false;
    let inMarker = false;
    for (const node of [...paragraph.childNodes]) {
        if (node.nodeType === Node.COMMENT_NODE && /\[if !supportLists\]/.test(node.data)) {
            inMarker = true;
            node.remove();
        } else if (node.nodeType === Node.COMMENT_NODE && /\[endif\]/.test(node.data) && inMarker) {
            inMarker = false;
            node.remove();
        } else if (inMarker) {
            ordered ||= /^\s*(\d+|[a-z]|[ivx]+)[.)]/i.test(node.textContent);
            node.remove();
        }
    }

    return ordered;
}

function wordLists(body) {
    let list = null;
    for (const paragraph of [...body.querySelectorAll('p')]) {
        if (!wordListParagraph(paragraph)) {
            list = null;
            continue;
        }

        const ordered = takeWordListMarker(paragraph);
        const tag = ordered ? 'OL' : 'UL';
        if (!list || list.nodeName !== tag || list.nextElementSibling !== paragraph) {
            list = document.createElement(tag);
            paragraph.before(list);
        }

        const item = document.createElement('li');
        item.append(...paragraph.childNodes);
        list.append(item);
        paragraph.remove();
    }
}

export function cleanPastedHtml(html) {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    wordLists(body);
    for (const element of body.querySelectorAll('style, meta, link, script, xml, title, o\\:p')) {
        element.remove();
    }

    const walker = document.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
    const comments = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        comments.push(node);
    }

    comments.forEach(comment => comment.remove());
    // Class names mean nothing outside the document they came from (MsoNormal, c1…).
    for (const element of body.querySelectorAll('[class]')) {
        element.removeAttribute('class');
    }

    return body.innerHTML;
}
