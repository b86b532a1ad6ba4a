import { app, type Session } from 'electron';
import { pickSpellcheckLanguages } from '../desktop/spellcheck-languages.js';

/**
 * Points Chromium's spellchecker at the system's languages. macOS checks with its own
 * spellchecker, which follows the system and takes no language list.
 */
export function applySpellcheckLanguages(session: Session, chosen: readonly string[] = []): string[] {
  if (process.platform === 'darwin') return [];
  const languages = pickSpellcheckLanguages({ preferred: app.getPreferredSystemLanguages(), available: session.availableSpellCheckerLanguages, chosen });
  session.setSpellCheckerLanguages(languages);
  return languages;
}
