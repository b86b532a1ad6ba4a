import { compile, type FormatCallback } from 'html-to-text';

/**
 * Lists as mail readers expect them in plain text: `* ` and `1. ` at the margin (the
 * library's own ordered list puts a space before the number), items one per line, nested
 * lists indented under their item's text.
 */
const formatList: FormatCallback = (elem, walk, builder) => {
  const ordered = elem.name === 'ol';
  const startAttr: unknown = elem.attribs?.start;
  let index = Number.parseInt(typeof startAttr === 'string' ? startAttr : '1', 10);
  if (!Number.isFinite(index)) index = 1;
  const items = elem.children.filter((child) => child.name === 'li');
  if (items.length === 0) return;
  const prefixes = items.map(() => (ordered ? `${index++}. ` : '* '));
  const nested = elem.parent?.name === 'li';
  builder.openList({
    interRowLineBreaks: 1,
    leadingLineBreaks: nested ? 1 : 2,
    maxPrefixLength: Math.max(...prefixes.map((p) => p.length)),
    prefixAlign: 'left',
  });
  items.forEach((item, i) => {
    builder.openListItem({ prefix: prefixes[i] ?? '' });
    walk([item], builder);
    builder.closeListItem();
  });
  builder.closeList({ trailingLineBreaks: nested ? 1 : 2 });
};

const heading = { leadingLineBreaks: 2, trailingLineBreaks: 2, uppercase: false };
// The editor wraps every list item's text in <p>; inside an item that must not open blank lines.
const tight = { leadingLineBreaks: 1, trailingLineBreaks: 1 };

function compileConverter(): (html: string) => string {
  return compile({
    wordwrap: 78,
    formatters: { composerList: formatList },
    selectors: [
      { selector: 'a', options: { linkBrackets: ['<', '>'], hideLinkHrefIfSameAsText: true } },
      { selector: 'ul', format: 'composerList' },
      { selector: 'ol', format: 'composerList' },
      { selector: 'li > p', format: 'block', options: tight },
      { selector: 'h1', options: heading },
      { selector: 'h2', options: heading },
      { selector: 'h3', options: heading },
      { selector: 'h4', options: heading },
      { selector: 'h5', options: heading },
      { selector: 'h6', options: heading },
      { selector: 'img', format: 'skip' },
    ],
  });
}

// Compiled once, on the first conversion: building the selector tree is the costly part of
// one, and a start (which converts nothing) need not pay it.
let compiled: ((html: string) => string) | null = null;
const convert = (html: string) => (compiled ??= compileConverter())(html);

/**
 * The plain-text part from the HTML part (html-to-text): links as `text <url>` (only the
 * address when the text already is it), `* ` and `1. ` list markers with nested lists
 * indented, blockquotes prefixed `> `, headings on their own lines, wrapped at 78 columns.
 */
export function htmlToPlainText(html: string): string {
  return (
    convert(html)
      // Lines of only spaces are layout residue, not content.
      .replace(/^[ \t]+$/gm, '')
      // Runs of empty paragraphs: at most two blank lines, as a reader would see them.
      .replace(/\n{4,}/g, '\n\n\n')
  );
}
