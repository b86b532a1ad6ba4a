/**
 * The small table a user pastes for merge fields: CSV or TSV (as spreadsheets copy it) with
 * a header row that has an `email` column. Headers become field names (`First Name` ->
 * `first_name`); rows are found by email, case-insensitively. The draft keeps the pasted text
 * itself, so what the user pasted is never lost to a parse.
 */

/** Headers spreadsheets and CRMs export for the address column. */
const EMAIL_HEADERS = new Set(['e_mail', 'email_address', 'e_mail_address', 'mail']);

/** Longest pasted table kept with a draft. */
export const MAX_MERGE_TABLE_CHARS = 1_000_000;

export interface MergeTable {
  /** Field names, in the header's order; `email` is one of them. */
  columns: string[];
  /** Row by lower-case email. */
  rows: Map<string, Record<string, string>>;
}

export type MergeTableParse = { ok: true; table: MergeTable } | { ok: false; error: string };

/** `First Name` -> `first_name`; what `{{…}}` can name. */
export function fieldName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1')
    .slice(0, 64);
}

/** Parses a pasted table; the error is a sentence for the composer. */
export function parseMergeTable(pasted: string): MergeTableParse {
  if (pasted.length > MAX_MERGE_TABLE_CHARS) return { ok: false, error: 'The pasted table is over 1 MB: paste only the rows for this message.' };
  const lines = pasted.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== '');
  const headerLine = lines[0];
  if (headerLine === undefined) return { ok: false, error: 'The pasted table is empty: paste a header row (email plus columns) and one row per recipient.' };
  const delimiter = pickDelimiter(headerLine);
  const columns = splitRow(headerLine, delimiter)
    .map(fieldName)
    .map((name) => (EMAIL_HEADERS.has(name) ? 'email' : name));
  const emailAt = columns.indexOf('email');
  if (emailAt < 0) return { ok: false, error: 'The pasted table has no "email" column: its first row must name the columns, one of them email.' };
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(1)) {
    const cells = splitRow(line, delimiter);
    const email = cells[emailAt]?.trim().toLowerCase();
    if (!email) continue;
    const row: Record<string, string> = Object.create(null) as Record<string, string>;
    columns.forEach((column, i) => {
      if (column !== '' && column !== 'email') row[column] = cells[i] ?? '';
    });
    rows.set(email, row);
  }
  return { ok: true, table: { columns: columns.filter((c) => c !== ''), rows } };
}

/** The table's row for this recipient, if it has one. */
export function rowFor(table: MergeTable, email: string): Readonly<Record<string, string>> | undefined {
  return table.rows.get(email.trim().toLowerCase());
}

/** Tab when the header has one (a spreadsheet copy), else `;` when it has more of them than commas, else comma. */
function pickDelimiter(header: string): string {
  if (header.includes('\t')) return '\t';
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** One row; double quotes wrap a cell holding the delimiter, `""` inside them is a quote. */
function splitRow(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
