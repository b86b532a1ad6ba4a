import { escapeHtml } from './escape-html.js';

/**
 * The shape of a TipTap/ProseMirror JSON document (`editor.getJSON()`), declared here so
 * shared/ needs no editor package. Only what the serializer reads.
 */
export interface EmailDocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: EmailDocNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/**
 * Inline styles, because Gmail drops `<style>` in many contexts and Outlook (Word engine)
 * ignores most CSS: only margins, padding, borders, colours and fonts that both honour.
 */
const STYLE = {
  body: 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222222;',
  p: 'margin:0 0 12px 0;',
  pInList: 'margin:0;',
  h1: 'margin:0 0 12px 0;font-size:24px;line-height:1.25;font-weight:bold;',
  h2: 'margin:0 0 12px 0;font-size:20px;line-height:1.3;font-weight:bold;',
  h3: 'margin:0 0 12px 0;font-size:16px;line-height:1.4;font-weight:bold;',
  list: 'margin:0 0 12px 0;padding:0 0 0 24px;',
  nestedList: 'margin:0;padding:0 0 0 24px;',
  li: 'margin:0 0 4px 0;',
  blockquote: 'margin:0 0 12px 0;padding:0 0 0 12px;border-left:3px solid #cccccc;color:#555555;',
  pre: "margin:0 0 12px 0;padding:8px 12px;background-color:#f4f4f4;border-radius:4px;font-family:Consolas,Menlo,Monaco,'Courier New',monospace;font-size:13px;line-height:1.4;white-space:pre-wrap;",
  code: "font-family:Consolas,Menlo,Monaco,'Courier New',monospace;font-size:13px;background-color:#f4f4f4;padding:1px 4px;border-radius:3px;",
  hr: 'border:0;border-top:1px solid #dddddd;margin:16px 0;',
  a: 'color:#1a5fb4;text-decoration:underline;',
} as const;

const ALIGNMENTS = new Set(['center', 'right', 'justify']);
const SAFE_SCHEMES = /^(?:https?:|mailto:)/i;


/** The href if it is http, https or mailto (what the composer lets a link be), otherwise null. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  // Control characters and spaces inside a scheme are how `java\tscript:` slips past checks.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  return SAFE_SCHEMES.test(trimmed) ? trimmed : null;
}

interface Context {
  listDepth: number;
  inListItem: boolean;
  /** True where blocks go (doc, list item, quote), false inside a paragraph or heading. */
  block: boolean;
}

function children(node: EmailDocNode, ctx: Context): string {
  return (node.content ?? []).map((child) => renderNode(child, ctx)).join('');
}

function plainTextOf(node: EmailDocNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.content ?? []).map(plainTextOf).join(' ');
}

function alignStyle(node: EmailDocNode): string {
  const align = node.attrs?.textAlign;
  return typeof align === 'string' && ALIGNMENTS.has(align) ? `text-align:${align};` : '';
}

function renderText(node: EmailDocNode): string {
  let html = escapeHtml(node.text ?? '');
  const marks = node.marks ?? [];
  const has = (type: string) => marks.some((mark) => mark.type === type);
  // A fixed nesting order, whatever order the editor stored the marks in, so equal text gives equal HTML.
  if (has('code')) html = `<code style="${STYLE.code}">${html}</code>`;
  if (has('strike')) html = `<s>${html}</s>`;
  if (has('underline')) html = `<u>${html}</u>`;
  if (has('italic')) html = `<em>${html}</em>`;
  if (has('bold')) html = `<strong>${html}</strong>`;
  const link = marks.find((mark) => mark.type === 'link');
  const href = link ? safeHref(link.attrs?.href) : null;
  if (href) html = `<a href="${escapeHtml(href)}" style="${STYLE.a}">${html}</a>`;
  return html;
}

function renderList(tag: 'ul' | 'ol', node: EmailDocNode, ctx: Context): string {
  const style = ctx.listDepth > 0 ? STYLE.nestedList : STYLE.list;
  const start = Number(node.attrs?.start);
  const startAttr = tag === 'ol' && Number.isInteger(start) && start !== 1 ? ` start="${start}"` : '';
  const inner = children(node, { ...ctx, listDepth: ctx.listDepth + 1 });
  return `<${tag}${startAttr} style="${style}">${inner}</${tag}>`;
}

function renderNode(node: EmailDocNode, ctx: Context): string {
  switch (node.type) {
    case 'doc':
      return children(node, ctx);
    case 'text':
      return renderText(node);
    case 'paragraph': {
      const inner = children(node, { ...ctx, block: false });
      // An empty paragraph is a blank line the writer made on purpose; <br> keeps its height.
      return `<p style="${ctx.inListItem ? STYLE.pInList : STYLE.p}${alignStyle(node)}">${inner || '<br>'}</p>`;
    }
    case 'heading': {
      const raw = Number(node.attrs?.level);
      const level = raw === 2 || raw === 3 ? raw : 1;
      return `<h${level} style="${STYLE[`h${level}`]}${alignStyle(node)}">${children(node, { ...ctx, block: false })}</h${level}>`;
    }
    case 'bulletList':
      return renderList('ul', node, ctx);
    case 'orderedList':
      return renderList('ol', node, ctx);
    case 'listItem':
      return `<li style="${STYLE.li}">${children(node, { ...ctx, inListItem: true, block: true })}</li>`;
    case 'blockquote':
      return `<blockquote style="${STYLE.blockquote}">${children(node, { ...ctx, inListItem: false, block: true })}</blockquote>`;
    case 'codeBlock': {
      const language = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/[^\w+-]/g, '') : '';
      const cls = language ? ` class="language-${language}"` : '';
      return `<pre style="${STYLE.pre}"><code${cls}>${escapeHtml(plainTextOf(node))}</code></pre>`;
    }
    case 'horizontalRule':
      return `<hr style="${STYLE.hr}">`;
    case 'hardBreak':
      return '<br>';
    default: {
      // A node this serializer does not know (a future extension): its words, never its markup.
      const text = escapeHtml(plainTextOf(node));
      if (!ctx.block) return text;
      return text ? `<p style="${ctx.inListItem ? STYLE.pInList : STYLE.p}">${text}</p>` : '';
    }
  }
}

/**
 * Email-safe HTML from the editor's JSON document: every text escaped, links limited to
 * http/https/mailto (others keep their text, lose the link), the styles that matter inlined
 * for Gmail and Outlook, wrapped in a minimal UTF-8 document.
 */
export function docToEmailHtml(doc: EmailDocNode): string {
  const body = renderNode(doc, { listDepth: 0, inListItem: false, block: true });
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
    `<body style="margin:0;padding:0;"><div style="${STYLE.body}">${body}</div></body></html>`
  );
}

export { htmlToPlainText } from './plain-text.js';
export { escapeHtml };
