import { escapeHtml } from './escape-html.js';
import { rowFor, type MergeTable } from './merge-table.js';

/**
 * Merge fields: `{{first_name}}`, `{{company}}`, `{{invoice_number | "your invoice"}}`.
 * A template is compiled once into literal pieces and fields, then filled per recipient, so a
 * 500-recipient batch parses the body once. In HTML the quotes of a fallback arrive escaped
 * (the editor's serializer writes `"` as `&#34;`), so both spellings are read.
 */

export type MergeMode = 'html' | 'text';

/** One `{{…}}` in a template: its field name (lower case) and the fallback after `|`, if any. */
export interface MergeField {
  name: string;
  fallback?: string;
  /** Offsets of the whole `{{…}}` in the source. */
  start: number;
  end: number;
}

/** Values a recipient fills fields with, by lower-case field name. */
export type MergeValues = Readonly<Record<string, string>>;

const QUOTED = String.raw`"([^"]*)"|&#34;(.*?)&#34;|&quot;(.*?)&quot;`;
const FIELD_SOURCE = String.raw`\{\{\s*([A-Za-z_][A-Za-z0-9_]{0,63})\s*(?:\|\s*(?:${QUOTED})\s*)?\}\}`;

/** Every merge field in `source`, in order. */
export function findMergeFields(source: string): MergeField[] {
  const fields: MergeField[] = [];
  // The pattern is a constant; each call gets its own stateful /g instance.
  // eslint-disable-next-line security/detect-non-literal-regexp
  const pattern = new RegExp(FIELD_SOURCE, 'g');
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    const fallback = match[2] ?? match[3] ?? match[4];
    const field: MergeField = { name: (match[1] as string).toLowerCase(), start: match.index, end: match.index + match[0].length };
    if (fallback !== undefined) field.fallback = fallback;
    fields.push(field);
  }
  return fields;
}

/** True when `source` has at least one merge field. */
export function hasMergeFields(source: string): boolean {
  return findMergeFields(source).length > 0;
}

type Piece = string | { name: string; fallback?: string };

/** A template parsed once for many recipients. */
export interface CompiledTemplate {
  readonly mode: MergeMode;
  readonly pieces: readonly Piece[];
}

export function compileTemplate(source: string, mode: MergeMode): CompiledTemplate {
  const pieces: Piece[] = [];
  // One piece object per distinct field, so a fill resolves each distinct field once.
  const distinct = new Map<string, Piece>();
  let at = 0;
  for (const field of findMergeFields(source)) {
    if (field.start > at) pieces.push(source.slice(at, field.start));
    const key = `${field.name}\u0000${field.fallback ?? '\u0000'}`;
    let piece = distinct.get(key);
    if (piece === undefined) {
      piece = field.fallback === undefined ? { name: field.name } : { name: field.name, fallback: field.fallback };
      distinct.set(key, piece);
    }
    pieces.push(piece);
    at = field.end;
  }
  if (at < source.length) pieces.push(source.slice(at));
  return { mode, pieces };
}

/**
 * The template with each field replaced by its value, else its fallback. A field with
 * neither stays as written (`missingFields` is what stops such a message from being sent).
 * Values are escaped in HTML; a fallback is already in the source's own escaping.
 */
export function fillCompiled(template: CompiledTemplate, values: MergeValues): string {
  // A field recurs through a long body; each value is looked up and escaped once per fill.
  const rendered = new Map<Piece, string>();
  const parts: string[] = new Array<string>(template.pieces.length);
  template.pieces.forEach((piece, i) => {
    if (typeof piece === 'string') {
      parts[i] = piece;
      return;
    }
    let out = rendered.get(piece);
    if (out === undefined) {
      const value = valueOf(values, piece.name);
      if (value !== undefined) out = template.mode === 'html' ? escapeHtml(value) : value;
      else out = piece.fallback ?? `{{${piece.name}}}`;
      rendered.set(piece, out);
    }
    parts[i] = out;
  });
  return parts.join('');
}

export function fillTemplate(source: string, values: MergeValues, mode: MergeMode): string {
  return fillCompiled(compileTemplate(source, mode), values);
}

/** Names (once each, in order of appearance) of the fields in `sources` with no value and no fallback. */
export function missingFields(sources: readonly string[], values: MergeValues): string[] {
  return missingInCompiled(
    sources.map((source) => compileTemplate(source, 'text')),
    values,
  );
}

/** `missingFields` over templates already compiled (a batch checks each recipient without re-parsing). */
export function missingInCompiled(templates: readonly CompiledTemplate[], values: MergeValues): string[] {
  const missing = new Set<string>();
  for (const template of templates) {
    for (const piece of template.pieces) {
      if (typeof piece !== 'string' && piece.fallback === undefined && valueOf(values, piece.name) === undefined) missing.add(piece.name);
    }
  }
  return [...missing];
}

function valueOf(values: MergeValues, name: string): string | undefined {
  const value = Object.hasOwn(values, name) ? values[name] : undefined;
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * What a recipient fills fields with: `email`, `domain`, `name`, `first_name`, `last_name`
 * from the address, then the pasted table's row for that email (its non-empty cells win).
 */
export function recipientValues(recipient: { email: string; name?: string | undefined }, table?: MergeTable): MergeValues {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const email = recipient.email.trim();
  values.email = email;
  const at = email.lastIndexOf('@');
  if (at > 0) values.domain = email.slice(at + 1).toLowerCase();
  const name = recipient.name?.trim();
  if (name) {
    values.name = name;
    const [first, ...rest] = name.split(/\s+/);
    if (first) values.first_name = first;
    if (rest.length > 0) values.last_name = rest.join(' ');
  }
  const row = table ? rowFor(table, email) : undefined;
  if (row) {
    for (const [column, cell] of Object.entries(row)) if (cell.trim() !== '') values[column] = cell.trim();
  }
  return values;
}

/** A sentence for the composer naming the fields that stop Send, or null when none do. */
export function missingFieldsSentence(missing: readonly string[], recipient?: string): string | null {
  if (missing.length === 0) return null;
  const names = missing.map((name) => `{{${name}}}`).join(', ');
  const whom = recipient ? ` for ${recipient}` : '';
  const one = missing.length === 1;
  return `${names} ${one ? 'has' : 'have'} no value${whom}: add ${one ? 'a column' : 'columns'} for ${one ? 'it' : 'them'} to the pasted table, or a fallback like {{${missing[0] ?? 'field'} | "…"}}.`;
}
