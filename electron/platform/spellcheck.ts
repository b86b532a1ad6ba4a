import { app, type Session } from 'electron';
import type { SpellcheckEngine } from '../services/spellcheck/spellcheck-service.js';

/**
 * Chromium's spellchecker in this session. macOS checks with its own spellchecker, which
 * follows the system and takes no language list, so there it offers no dictionaries.
 */
export function createSpellcheckEngine(session: Session): SpellcheckEngine {
  if (process.platform === 'darwin') {
    return { checker: 'system', dictionaries: () => [], systemLanguages: () => app.getPreferredSystemLanguages(), apply: () => undefined };
  }
  return {
    checker: 'chromium',
    dictionaries: () => session.availableSpellCheckerLanguages,
    systemLanguages: () => app.getPreferredSystemLanguages(),
    apply: (languages) => session.setSpellCheckerLanguages([...languages]),
  };
}
