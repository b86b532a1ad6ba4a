import type { SpellcheckStatus } from '../../../shared/spellcheck.js';
import { MAX_SPELLCHECK_LANGUAGES, pickSpellcheckLanguages } from './spellcheck-languages.js';

/**
 * The dictionaries Chromium's own spellchecker offers (Electron's `availableSpellCheckerLanguages`
 * on Windows and Linux): what the harness, which cannot ask Electron, lists to choose from.
 */
export const CHROMIUM_DICTIONARIES: readonly string[] = [
  'af', 'bg', 'ca', 'cs', 'cy', 'da', 'de', 'de-DE', 'el', 'en-AU', 'en-CA', 'en-GB', 'en-GB-oxendict', 'en-US',
  'es', 'es-419', 'es-AR', 'es-ES', 'es-MX', 'es-US', 'et', 'fa', 'fo', 'fr', 'fr-FR', 'he', 'hi', 'hr', 'hu', 'hy',
  'id', 'it', 'it-IT', 'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sh', 'sk', 'sl',
  'sq', 'sr', 'sv', 'ta', 'tg', 'tr', 'uk', 'vi',
];

export interface SpellcheckFacts {
  checker: SpellcheckStatus['checker'];
  dictionaries: readonly string[];
  systemLanguages: readonly string[];
  chosen: readonly string[];
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "English (United Kingdom)" for en-GB; the tag itself when the name is unknown. */
export function languageName(tag: string): string {
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function names(tags: readonly string[]): string {
  return tags.map(languageName).join(', ');
}

/** Where things stand for the Spellcheck languages setting, in one sentence. */
export function spellcheckStatus(facts: SpellcheckFacts): SpellcheckStatus {
  const dictionaries = [...facts.dictionaries];
  const chosen = [...facts.chosen];
  const systemDefault = pickSpellcheckLanguages({ preferred: facts.systemLanguages, available: dictionaries });
  const base = { checker: facts.checker, dictionaries, chosen, max: MAX_SPELLCHECK_LANGUAGES };
  if (facts.checker === 'system') {
    return {
      ...base,
      dictionaries: [],
      systemDefault: [...facts.systemLanguages],
      active: [...facts.systemLanguages],
      explanation: 'macOS checks your spelling with its own spellchecker, in the languages chosen in System Settings › Keyboard › Text Input.',
    };
  }
  const active = pickSpellcheckLanguages({ preferred: facts.systemLanguages, available: dictionaries, chosen });
  const inUse = pickSpellcheckLanguages({ preferred: [], available: dictionaries, chosen });
  const following = chosen.length === 0 || inUse.length === 0;
  if (facts.checker === 'browser') {
    const what = following ? 'Nothing is chosen here, so the installed app follows your system’s languages.' : `Chosen here: ${names(inUse)}; the installed app checks in these.`;
    return { ...base, systemDefault, active, explanation: `This copy runs in a web browser, so Chromium’s own spellchecker checks your spelling with the browser’s languages. ${what}` };
  }
  if (dictionaries.length === 0) {
    return { ...base, systemDefault, active, explanation: 'No spellcheck dictionaries are available on this computer, so spelling is not checked.' };
  }
  const explanation = following
    ? `Spelling is checked in ${names(active)}, following your system’s languages. Choose up to ${MAX_SPELLCHECK_LANGUAGES} languages to check in instead.`
    : `Spelling is checked in ${names(active)}, as chosen here. Clear the choice to follow your system’s languages again.`;
  return { ...base, systemDefault, active, explanation };
}
