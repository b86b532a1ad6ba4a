/**
 * Human reasons why a typed address is not one. The RFC 5322 parser (email-addresses)
 * only answers yes or no; these checks find the mistake people actually make, so a chip
 * can say "is missing the @" instead of "invalid".
 */

// atext of RFC 5322 §3.2.3, widened to any letter, digit or mark as RFC 6532 allows.
const ATEXT = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~.-]$/u;
const LABEL_CHAR = /^[\p{L}\p{N}\p{M}-]$/u;

/**
 * What is wrong with a bare address (`local@domain`, no display name), or null when nothing
 * this check knows of is. Phrased to follow the address: `"ann@x" has no domain ending such as .com`.
 */
export function addressSpecProblem(spec: string): string | null {
  if (!spec) return 'is empty';
  if (spec.length > 254) return 'is too long (at most 254 characters)';
  const ats = atPositions(spec);
  if (ats.length === 0) return 'is missing the @';
  if (ats.length > 1) return 'has more than one @';
  const at = ats[0] ?? 0;
  const local = spec.slice(0, at);
  const domain = spec.slice(at + 1);
  if (!local) return 'has nothing before the @';
  if (!domain) return 'has no domain after the @';
  return localProblem(local) ?? domainProblem(domain);
}

function atPositions(spec: string): number[] {
  const found: number[] = [];
  let quoted = false;
  for (let i = 0; i < spec.length; i += 1) {
    const ch = spec.charAt(i);
    if (ch === '\\' && quoted) i += 1;
    else if (ch === '"') quoted = !quoted;
    else if (ch === '@' && !quoted) found.push(i);
  }
  return found;
}

function localProblem(local: string): string | null {
  if (local.length > 64) return 'has more than 64 characters before the @';
  if (local.startsWith('"')) {
    return /^"(?:[^"\\\r\n]|\\.)*"$/.test(local) ? null : 'has an unclosed or misplaced quote before the @';
  }
  if (/\s/.test(local)) return 'has a space in it';
  if (local.startsWith('.')) return 'starts with a dot';
  if (local.endsWith('.')) return 'has a dot just before the @';
  if (local.includes('..')) return 'has two dots in a row';
  const bad = [...local].find((ch) => !ATEXT.test(ch));
  return bad === undefined ? null : `has a character an address cannot contain (${bad})`;
}

function domainProblem(domain: string): string | null {
  if (domain.startsWith('[')) return 'uses an IP address instead of a domain name';
  if (/\s/.test(domain)) return 'has a space in it';
  if (domain.startsWith('.')) return 'has a dot right after the @';
  if (domain.endsWith('.')) return 'ends with a dot';
  if (domain.includes('..')) return 'has two dots in a row';
  const labels = domain.split('.');
  if (labels.length < 2) return 'has no domain ending such as .com';
  for (const label of labels) {
    const bad = [...label].find((ch) => !LABEL_CHAR.test(ch));
    if (bad !== undefined) return `has a character a domain name cannot contain (${bad})`;
    if (label.startsWith('-') || label.endsWith('-')) return 'has a domain part that starts or ends with a hyphen';
    if (label.length > 63) return 'has a domain part longer than 63 characters';
  }
  if (/^\p{N}+$/u.test(labels[labels.length - 1] ?? '')) return 'ends in a number instead of a domain ending such as .com';
  return null;
}

/**
 * Best reason for a whole entry (`Ann <ann@x>` or `ann@x`) that the parser refused.
 * Falls back to a general sentence when no known mistake is found.
 */
export function describeInvalidEntry(raw: string): string {
  if (!raw.trim()) return 'is empty';
  if (countUnescaped(raw, '"') % 2 === 1) return 'has an unclosed quote';
  if (countUnescaped(raw, '(') !== countUnescaped(raw, ')')) return 'has a ( without its closing )';
  const open = raw.indexOf('<');
  const close = raw.lastIndexOf('>');
  if (open >= 0 && close < open) return 'has a < without its closing >';
  if (open < 0 && close >= 0) return 'has a > without its opening <';
  const spec = open >= 0 ? raw.slice(open + 1, close).trim() : stripComments(raw).trim();
  if (open >= 0 && raw.slice(close + 1).replace(/\([^()]*\)/g, '').trim()) return 'has text after the closing >';
  if (open < 0 && /\s/.test(spec) && spec.includes('@') && !spec.startsWith('"')) {
    const words = spec.split(/\s+/);
    const last = words[words.length - 1] ?? '';
    const nameFirst = words.slice(0, -1).every((w) => !w.includes('@')) && addressSpecProblem(last) === null;
    return nameFirst ? 'has a name that needs the address in < > after it' : 'has a space in it';
  }
  return addressSpecProblem(spec) ?? 'is not a valid email address';
}

function countUnescaped(text: string, quote: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text.charAt(i) === '\\') i += 1;
    else if (text.charAt(i) === quote) count += 1;
  }
  return count;
}

function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"' && depth === 0) quoted = !quoted;
    if (!quoted && ch === '(') depth += 1;
    if (depth === 0) out += ch;
    if (!quoted && ch === ')' && depth > 0) depth -= 1;
  }
  return out;
}
