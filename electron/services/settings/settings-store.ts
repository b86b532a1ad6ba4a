/* eslint-disable security/detect-non-literal-fs-filename -- the settings file lives in the data folder main passes in; no path comes from the renderer. */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { NoticeBoard } from '../notices.js';
import { initialSettings, SETTINGS_FORMAT_VERSION, settingsMigrations, type MigrationTarget } from './migrations.js';
import { settingsDataSchema, settingsJsonSchema, type SettingsData } from './settings-schema.js';

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
}

function openConf(dir: string): Conf<SettingsData> {
  return new Conf<SettingsData>({
    cwd: dir,
    configName: 'settings',
    projectVersion: SETTINGS_FORMAT_VERSION,
    defaults: initialSettings(),
    migrations: settingsMigrations as unknown as Record<string, (store: Conf<SettingsData>) => void>,
    schema: settingsJsonSchema as never,
    // A damaged file is set aside below with a notice, never silently emptied.
    clearInvalidConfig: false,
    // Secrets are encrypted, but labels, ids and addresses are still nobody else's business.
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    watch: false,
  });
}

function loaded(conf: Conf<SettingsData>): SettingsData {
  return settingsDataSchema.parse(conf.store);
}

/**
 * Opens the settings file through conf (electron-store's engine: schema, migrations, atomic
 * writes). A file that cannot be read or does not hold valid settings is renamed aside as a
 * backup and the person is told, so the app still starts.
 */
export function openSettingsStore(options: SettingsStoreOptions): SettingsStore {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dir, SETTINGS_FILE);
  let conf: Conf<SettingsData>;
  let data: SettingsData;
  try {
    conf = openConf(options.dir);
    data = loaded(conf);
  } catch {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const backup = `settings.damaged-${stamp}.json`;
    if (existsSync(file)) renameSync(file, path.join(options.dir, backup));
    options.notices.post({
      id: 'settings-repaired',
      level: 'warning',
      text: `Your settings file could not be read, so Composer kept it as ${backup} in the data folder and started with empty settings. Connect your accounts again; the old file is there if support asks for it.`,
    });
    conf = openConf(options.dir);
    data = loaded(conf);
  }
  const store = conf;
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
