/** Shorter runs than this are too likely to be ordinary words or ids to count as a piece of a key. */
export const MIN_SECRET_RUN = 8;
const MARKER = '[redacted]';

/** Lower-cases one UTF-16 unit at a time, so positions in the folded text are positions in the original. */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    const lower = unit.toLowerCase();
    out += lower.length === 1 ? lower : unit;
  }
  return out;
}

/**
 * The ways a vendor might echo a key: as typed, URL- and JSON-escaped, hex, and base64 (plain
 * and URL-safe) from each of the three byte alignments, so that a piece of the key encoded on
 * its own still shares runs with one of them.
 */
function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), bytes.toString('hex')];
  for (let shift = 0; shift < 3 && shift < bytes.length; shift++) {
    const base64 = bytes.subarray(shift).toString('base64');
    forms.push(base64, base64.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

interface SecretPieces {
  /** Every run of MIN_SECRET_RUN characters of the secret's forms, folded to lower case. */
  runs: Set<string>;
  /** Forms too short to cut into runs, removed where they appear whole. */
  whole: string[];
}

/**
 * The pieces of the last few secrets: a send redacts its vendor's words three or four times
 * with the same key, and cutting a key's forms into runs is most of a redaction's cost.
 */
const remembered = new Map<string, SecretPieces>();
const REMEMBERED_SECRETS = 8;

function piecesOf(secret: string): SecretPieces {
  const known = remembered.get(secret);
  if (known) return known;
  const pieces: SecretPieces = { runs: new Set(), whole: [] };
  for (const form of formsOf(secret)) {
    if (form.length < MIN_SECRET_RUN) {
      if (form.length > 0) pieces.whole.push(form);
      continue;
    }
    const folded = fold(form);
    for (let i = 0; i + MIN_SECRET_RUN <= folded.length; i++) pieces.runs.add(folded.slice(i, i + MIN_SECRET_RUN));
  }
  if (remembered.size >= REMEMBERED_SECRETS) remembered.delete(remembered.keys().next().value as string);
  remembered.set(secret, pieces);
  return pieces;
}

/**
 * Replaces every secret with a marker before a vendor's words reach an error, the outbox's
 * `lastError`, the database or the window: any run of at least eight characters of the key or
 * of its encoded forms, case-insensitively, so a truncated, upper-cased, hex or base64 echo is
 * caught as well as an exact one. Shorter secrets are removed where they appear whole.
 */
export function redact(text: string, secrets: string[]): string {
  const pieces = secrets.filter((secret) => secret.length > 0).map(piecesOf);
  if (pieces.length === 0) return text;
  const whole = new Set(pieces.flatMap((p) => p.whole));
  const hidden = new Uint8Array(text.length);
  const folded = fold(text);
  for (let i = 0; i + MIN_SECRET_RUN <= folded.length; i++) {
    const run = folded.slice(i, i + MIN_SECRET_RUN);
    if (pieces.some((p) => p.runs.has(run))) hidden.fill(1, i, i + MIN_SECRET_RUN);
  }
  for (const form of whole) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) hidden.fill(1, at, at + form.length);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (hidden[i] === 0) out += text.charAt(i);
    else if (i === 0 || hidden[i - 1] === 0) out += MARKER;
  }
  return out;
}
