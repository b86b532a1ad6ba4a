import type { SettingsData } from './settings-schema.js';

/**
 * The settings file as the settings store uses it: conf's store in the harness and tests,
 * electron-store's (conf with Electron's paths) in the app. Either keeps the schema, runs the
 * format migrations and writes atomically; the store above never learns which.
 */
export interface SettingsFile {
  /** Where the file is, for messages and tests. */
  readonly path: string;
  /** The whole file as read, before the store checks it. */
  readonly store: unknown;
  /** Replaces the file's contents in one atomic write. */
  set(data: SettingsData): void;
}

/** Opens (creating, migrating) the settings file in `dir`; throws when it cannot be read as settings. */
export type SettingsFileOpener = (dir: string) => SettingsFile;
