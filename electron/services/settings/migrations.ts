import type { SettingsData } from './settings-schema.js';

/** The keys a migration step reads and writes: conf hands each step the store itself. */
export interface MigrationTarget {
  has(key: string): boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * The settings file's format versions (not the app's): conf runs every step whose version
 * is above the one recorded in the file, in order, and records the last.
 */
export const SETTINGS_FORMAT_VERSION = '1.1.0';

/** What a new file starts with (conf writes a new store at the current version without running steps). */
export function initialSettings(): SettingsData {
  return { accounts: [], defaultAccountId: null, secrets: {}, vault: { mode: 'platform' }, spellcheckLanguages: [] };
}

/** The keys of the 1.0.0 format, as it first wrote them. */
const FORMAT_1_0_0 = { accounts: [], defaultAccountId: null, secrets: {}, vault: { mode: 'platform' } } as const;

export const settingsMigrations: Record<string, (store: MigrationTarget) => void> = {
  /** 1.0.0: the first format, accounts with secrets kept apart. A file from before it (or none) gets every key. */
  '1.0.0': (store) => {
    for (const [key, value] of Object.entries(FORMAT_1_0_0)) {
      if (!store.has(key)) store.set(key, structuredClone(value));
    }
  },
  /** 1.1.0: the spellchecker's languages chosen in the app; none chosen follows the system. */
  '1.1.0': (store) => {
    if (!Array.isArray(store.get('spellcheckLanguages'))) store.set('spellcheckLanguages', []);
  },
};
