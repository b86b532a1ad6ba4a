/**
 * Structural clean-up of pasted HTML on an inert document (one made by DOMParser: it runs
 * no script and loads nothing), before the allow-list sanitizer drops every style:
 * whatever the styles meant (Google Docs' bold spans, Word's list paragraphs) is turned
 * into plain elements first, so it survives.
 */

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'HR', 'TABLE', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'FIGURE', 'TR', 'TD', 'TH', 'TBODY', 'THEAD', 'TFOOT', 'DL', 'DT', 'DD', 'ADDRESS']);

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

/** Google Docs wraps the whole clipboard in `<b style="font-weight:normal" id="docs-internal-guid-…">`; it is not bold. */
function unwrapFalseBold(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('b, strong'))) {
    const style = styleOf(el);
    if (el.id.startsWith('docs-internal-guid') || /font-weight:(normal|[1-4]00)(;|$)/.test(style)) unwrap(el);
  }
}

/** Bold, italic, underline and strike expressed only as inline styles (Google Docs, many web pages) become elements. */
function stylesToMarks(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('span[style], font[style]'))) {
    const style = styleOf(el);
    const wrappers: string[] = [];
    if (/font-weight:(bold|bolder|[6-9]00)(;|$)/.test(style)) wrappers.push('strong');
    if (/font-style:italic/.test(style)) wrappers.push('em');
    // Links carry their underline as a style; it is how links look, not an underline the writer chose.
    if (/text-decoration[^;]*underline/.test(style) && !el.closest('a')) wrappers.push('u');
    if (/text-decoration[^;]*line-through/.test(style)) wrappers.push('s');
    if (wrappers.length === 0) continue;
    let inner: Node[] = Array.from(el.childNodes);
    for (const tag of wrappers) {
      const wrapper = el.ownerDocument.createElement(tag);
      wrapper.append(...inner);
      inner = [wrapper];
    }
    el.replaceChildren(...inner);
  }
}

const WORD_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;

/**
 * Word writes list items as `<p class=MsoListParagraph style="mso-list:l0 level1 lfo1">`
 * with the marker in a `mso-list:Ignore` span; rebuild real, nested `<ul>/<ol>` from them.
 */
function wordListsToLists(root: Element): void {
  const doc = root.ownerDocument;
  const paragraphs = Array.from(root.querySelectorAll('p')).filter((p) => WORD_LIST.test(p.getAttribute('style') ?? ''));
  let stack: Array<{ list: Element; level: number; lastItem: Element | null }> = [];
  let previous: Element | null = null;
  for (const p of paragraphs) {
    const level = Number(WORD_LIST.exec(p.getAttribute('style') ?? '')?.[2] ?? '1');
    const markerSpan = Array.from(p.querySelectorAll('span')).find((s) => /mso-list:\s*ignore/i.test(s.getAttribute('style') ?? ''));
    const marker = (markerSpan?.textContent ?? '').replace(/\s|\u00a0/g, '');
    markerSpan?.remove();
    const ordered = /^(?:\d+|[a-z]{1,3}|[ivxlc]+)[.)]$/i.test(marker);
    const contiguous = previous !== null && previous.nextElementSibling === p;
    if (!contiguous) stack = [];
    // Close deeper lists, then open lists until this item's level is reached.
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      if (top?.lastItem) top.lastItem.append(list);
      else p.before(list);
      top = { list, level, lastItem: null };
      stack.push(top);
    }
    const item = doc.createElement('li');
    item.append(...Array.from(p.childNodes));
    top.list.append(item);
    top.lastItem = item;
    previous = p;
    // Keep the emptied paragraph in place until the next one is checked for adjacency.
    p.replaceChildren();
  }
  for (const p of paragraphs) p.remove();
}

function hasBlockChild(element: Element): boolean {
  return Array.from(element.children).some((child) => BLOCK_TAGS.has(child.tagName));
}

/**
 * The editor knows no tables or divs: a cell or div holding only inline content becomes a
 * paragraph, one holding blocks is unwrapped; table scaffolding goes, its text stays.
 */
function flattenContainers(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('td, th, div, section, article, header, footer, main, aside, dd, dt, address, figure, figcaption'))) {
    if (hasBlockChild(el)) unwrap(el);
    else if (el.textContent?.trim()) rename(el, 'p');
    else el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('table, thead, tbody, tfoot, tr, caption, colgroup, col, dl'))) unwrap(el);
}

/** Word's conditional-comment and XML islands hold settings text that must not reach the message. */
function dropWordIslands(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('xml, style, script, meta, link, title'))) el.remove();
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    if (el.tagName.includes(':')) {
      // `<o:p>` holds a lone &nbsp; used as spacing; other office tags hold nothing the user wrote.
      if (el.tagName.toLowerCase() === 'o:p') unwrap(el);
      else el.remove();
    }
  }
}

/** Applies every structural fix, in place. */
export function normalizePastedDom(root: Element): void {
  dropWordIslands(root);
  unwrapFalseBold(root);
  wordListsToLists(root);
  stylesToMarks(root);
  flattenContainers(root);
}
