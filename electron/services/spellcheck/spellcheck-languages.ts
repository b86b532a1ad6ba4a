import { MAX_SPELLCHECK_LANGUAGES } from '../../../shared/spellcheck.js';

// Each dictionary costs memory and slows checking; people rarely write in more than this many languages.
export { MAX_SPELLCHECK_LANGUAGES };

/** The usual region for a bare language when Chromium has several (`en` -> en-US, `de` -> de-DE). */
function preferredRegion(base: string): string {
  return base === 'en' ? 'en-us' : `${base}-${base}`;
}

const normal = (tag: string) => tag.trim().replace(/_/g, '-').toLowerCase();
const baseOf = (tag: string) => normal(tag).split('-')[0] ?? '';

function match(wanted: string, available: readonly string[]): string | null {
  const tag = normal(wanted);
  const exact = available.find((a) => normal(a) === tag);
  if (exact) return exact;
  const base = baseOf(tag);
  const sameBase = available.filter((a) => baseOf(a) === base);
  return sameBase.find((a) => normal(a) === base) ?? sameBase.find((a) => normal(a) === preferredRegion(base)) ?? sameBase[0] ?? null;
}

/**
 * The spellchecker's languages: the ones the person chose in the app if any of them has a
 * dictionary, else the system's preferred languages, each matched to an available dictionary
 * (exactly, else the same language in its usual region, e.g. de-AT -> de-DE). Falls back to
 * US English; answers [] when there are no dictionaries at all.
 */
export function pickSpellcheckLanguages(input: { preferred: readonly string[]; available: readonly string[]; chosen?: readonly string[] }): string[] {
  const pick = (wanted: readonly string[]) => [...new Set(wanted.map((w) => match(w, input.available)).filter((m): m is string => m !== null))].slice(0, MAX_SPELLCHECK_LANGUAGES);
  const chosen = pick(input.chosen ?? []);
  if (chosen.length > 0) return chosen;
  const system = pick(input.preferred);
  if (system.length > 0) return system;
  return pick(['en-US']);
}
