import ElectronStore from 'electron-store';
import { settingsFileOptions } from '../services/settings/conf-file.js';
import type { SettingsFileOpener } from '../services/settings/settings-file.js';
import type { SettingsData } from '../services/settings/settings-schema.js';

/**
 * The settings file in the app: electron-store, which is conf with Electron's paths and app
 * version, on the same options the harness and tests give conf. electron-store names the file
 * by `name`, not conf's `configName`.
 */
export const openElectronSettingsFile: SettingsFileOpener = (dir) => {
  const { configName, ...options } = settingsFileOptions(dir);
  return new ElectronStore<SettingsData>({ ...options, name: configName });
};
