import type { SpellcheckStatus } from '../../../shared/spellcheck.js';
import { CHROMIUM_DICTIONARIES, languageName, spellcheckStatus } from './spellcheck-status.js';
import { pickSpellcheckLanguages } from './spellcheck-languages.js';
import { ServiceError } from '../../../shared/service-error.js';
import type { SettingsStore } from '../settings/settings-store.js';

/**
 * The spellchecker of this runtime: Electron's session in the app (electron/platform/spellcheck.ts),
 * the page's browser in the harness.
 */
export interface SpellcheckEngine {
  checker: SpellcheckStatus['checker'];
  /** Languages a dictionary exists for; empty where the system checks spelling itself (macOS). */
  dictionaries(): readonly string[];
  /** The system's preferred languages, most preferred first. */
  systemLanguages(): readonly string[];
  /** Points the spellchecker at these languages. */
  apply(languages: readonly string[]): void;
}

/** The harness's page is checked by its browser, which the app cannot steer: choices are kept for the app. */
export function browserSpellcheck(systemLanguages: readonly string[] = [Intl.DateTimeFormat().resolvedOptions().locale]): SpellcheckEngine {
  return { checker: 'browser', dictionaries: () => CHROMIUM_DICTIONARIES, systemLanguages: () => systemLanguages, apply: () => undefined };
}

export interface SpellcheckService {
  status(): SpellcheckStatus;
  /** Keeps the chosen languages in the settings and checks in them from now on; [] follows the system. */
  set(languages: readonly string[]): SpellcheckStatus;
}

/**
 * The spellcheck languages setting. Applies the saved choice (or the system's languages) when
 * created, so the app checks in the right languages from its first window.
 */
export function createSpellcheckService(deps: { engine: SpellcheckEngine; store: Pick<SettingsStore, 'read' | 'write'> }): SpellcheckService {
  const { engine, store } = deps;
  const facts = () => ({ checker: engine.checker, dictionaries: engine.dictionaries(), systemLanguages: engine.systemLanguages(), chosen: store.read().spellcheckLanguages });
  const apply = () => {
    if (engine.checker === 'system') return;
    const { dictionaries, systemLanguages, chosen } = facts();
    engine.apply(pickSpellcheckLanguages({ preferred: systemLanguages, available: dictionaries, chosen }));
  };
  apply();
  return {
    status: () => spellcheckStatus(facts()),
    set(languages) {
      if (engine.checker === 'system') {
        throw new ServiceError({ kind: 'unsupported', message: 'macOS checks your spelling with its own spellchecker; choose its languages in System Settings › Keyboard › Text Input.' });
      }
      const dictionaries = engine.dictionaries();
      const unknown = languages.filter((tag) => !dictionaries.includes(tag));
      if (unknown.length > 0) {
        const message = `There is no spellcheck dictionary for ${unknown.map((tag) => `“${languageName(tag)}”`).join(', ')} here; choose languages from the list.`;
        throw new ServiceError({ kind: 'validation', message, fields: [{ field: 'languages', message }] });
      }
      store.write({ spellcheckLanguages: [...new Set(languages)] });
      apply();
      return spellcheckStatus(facts());
    },
  };
}
