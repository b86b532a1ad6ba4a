import Conf, { type Options } from 'conf';
import { initialSettings, SETTINGS_FORMAT_VERSION, settingsMigrations } from './migrations.js';
import type { SettingsData } from './settings-schema.js';
import type { SettingsFileOpener } from './settings-file.js';

/** The settings file's options, for conf here and for electron-store in electron/platform/. */
export function settingsFileOptions(dir: string): Options<SettingsData> & { configName: string } {
  return {
    cwd: dir,
    configName: 'settings',
    projectVersion: SETTINGS_FORMAT_VERSION,
    defaults: initialSettings(),
    migrations: settingsMigrations as unknown as NonNullable<Options<SettingsData>['migrations']>,
    // No JSON schema: the settings store checks the file with its zod schema, the one source of
    // its shape, and compiling one for conf's ajv cost a sixth of the harness's start.
    // A damaged file is set aside by the settings store with a notice, never silently emptied.
    clearInvalidConfig: false,
    // Secrets are encrypted, but labels, ids and addresses are still nobody else's business.
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    watch: false,
  };
}

/** The settings file through conf itself: the harness and the tests, which run without Electron. */
export const openConfSettingsFile: SettingsFileOpener = (dir) => new Conf<SettingsData>(settingsFileOptions(dir));
