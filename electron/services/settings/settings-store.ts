/* eslint-disable security/detect-non-literal-fs-filename -- the settings file lives in the data folder main passes in; no path comes from the renderer. */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { NoticeBoard } from '../notices.js';
import { openConfSettingsFile } from './conf-file.js';
import type { MigrationTarget } from './migrations.js';
import type { SettingsFile, SettingsFileOpener } from './settings-file.js';
import { settingsDataSchema, type SettingsData } from './settings-schema.js';

/** The settings file: accounts, their encrypted secrets and how the vault protects them. */
export interface SettingsStore {
  /** Where the file is, for messages and tests. */
  readonly path: string;
  read(): SettingsData;
  /** Writes the given keys in one atomic replace of the file. */
  write(patch: Partial<SettingsData>): void;
}

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStoreOptions {
  /** The data folder (Electron's userData, or a temp folder in tests and the harness). */
  dir: string;
  notices: Pick<NoticeBoard, 'post'>;
  now?: () => Date;
  /** electron-store in the app (electron/platform/settings-file.ts); conf, the default, in the harness and tests. */
  openFile?: SettingsFileOpener;
}

function loaded(file: SettingsFile): SettingsData {
  return settingsDataSchema.parse(file.store);
}

/**
 * Opens the settings file (schema, migrations and atomic writes are the file's). A file that
 * cannot be read or does not hold valid settings is renamed aside as a backup and the person
 * is told, so the app still starts.
 */
export function openSettingsStore(options: SettingsStoreOptions): SettingsStore {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, SETTINGS_FILE);
  const openFile = options.openFile ?? openConfSettingsFile;
  let settingsFile: SettingsFile;
  let data: SettingsData;
  try {
    settingsFile = openFile(options.dir);
    data = loaded(settingsFile);
  } catch {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const backup = `settings.damaged-${stamp}.json`;
    if (existsSync(file)) renameSync(file, path.join(options.dir, backup));
    options.notices.post({
      id: 'settings-repaired',
      level: 'warning',
      text: `Your settings file could not be read, so Composer kept it as ${backup} in the data folder and started with empty settings. Connect your accounts again; the old file is there if support asks for it.`,
    });
    settingsFile = openFile(options.dir);
    data = loaded(settingsFile);
  }
  const store = settingsFile;
  return {
    path: store.path,
    read: () => data,
    write(patch) {
      const next = settingsDataSchema.parse({ ...data, ...patch });
      store.set(next);
      data = next;
    },
  };
}

export type { MigrationTarget };
