// Scriban code ({{ … }}, and {%{ … }%} escapes) must reach the saved HTML exactly as written,
// but a browser's HTML parser and serializer would rewrite it: `<` in `{{ if a<b }}` opens a tag,
// `&` and `"` in attributes are escaped, text in a table is moved out of it. So before HTML is
// parsed, every piece of code becomes a marker made of private-use characters, which parsers and
// serializers leave alone anywhere; after serializing, the markers become the code again.

const codePattern = /\{\{[\s\S]*?\}\}|\{%\{[\s\S]*?\}%\}/g;
const markerPattern = /\uE000(\d+)\uE001/g;

/** Codes by number, for one editor: the same code always gets the same marker. */
export class TemplateCodes {
    #codes = [];
    #numbers = new Map();

    marker(code) {
        let number = this.#numbers.get(code);
        if (number === undefined) {
            number = this.#codes.length;
            this.#codes.push(code);
            this.#numbers.set(code, number);
        }

        return `\uE000${number}\uE001`;
    }

    /** The HTML with every piece of code replaced by its marker. */
    protect(html) {
        return html.replace(codePattern, code => this.marker(code));
    }

    /** The markers in text turned back into the code they stand for. */
    restore(text) {
        return text.replace(markerPattern, (marker, number) => this.#codes[Number(number)] ?? marker);
    }

    /** Splits text into plain runs and codes, in order: [{ text }, { code }, …]. */
    split(text) {
        const parts = [];
        let position = 0;
        for (const match of text.matchAll(markerPattern)) {
            if (match.index > position) {
                parts.push({ text: text.slice(position, match.index) });
            }

            parts.push({ code: this.#codes[Number(match[1])] ?? match[0] });
            position = match.index + match[0].length;
        }

        if (position < text.length) {
            parts.push({ text: text.slice(position) });
        }

        return parts;
    }
}

export const hasMarker = text => /\uE000\d+\uE001/.test(text);

/** What a chip shows: the code without its braces, e.g. "nonprofit.name" or "if x". */
export function label(code) {
    return code.replace(/^\{%?\{-?~?\s*/, '').replace(/\s*[-~]?\}%?\}$/, '');
}
