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
export const SETTINGS_FORMAT_VERSION = '1.0.0';

/** What a new file starts with (conf writes a new store at the current version without running steps). */
export function initialSettings(): SettingsData {
  return { accounts: [], defaultAccountId: null, secrets: {}, vault: { mode: 'platform' } };
}

export const settingsMigrations: Record<string, (store: MigrationTarget) => void> = {
  /** 1.0.0: the first format, accounts with secrets kept apart. A file from before it (or none) gets every key. */
  '1.0.0': (store) => {
    for (const [key, value] of Object.entries(initialSettings())) {
      if (!store.has(key)) store.set(key, value);
    }
  },
};
