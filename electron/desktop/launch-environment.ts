import path from 'node:path';
import { isLoopbackUrl } from '../../shared/accounts.js';

/** What main takes from the environment it was launched with. */
export interface LaunchEnvironment {
  /** Another data folder than the system's: development and e2e runs only. */
  dataDir: string | null;
  /** The Vite dev server the window loads from: development only, and only on this computer. */
  devServerUrl: string | null;
}

/**
 * A packaged app obeys no outside switch. Launched with VITE_DEV_SERVER_URL it would trust
 * whatever page that URL serves with the whole IPC bridge (and the keys behind it), and with
 * COMPOSER_DATA_DIR it would read and write its keys and mail wherever it was told, so both
 * count only when running from the source tree (`npm run dev`, the e2e specs).
 */
export function readLaunchEnvironment(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): LaunchEnvironment {
  if (isPackaged) return { dataDir: null, devServerUrl: null };
  const dataDir = env.COMPOSER_DATA_DIR?.trim();
  const devServerUrl = env.VITE_DEV_SERVER_URL?.trim();
  return {
    dataDir: dataDir ? path.resolve(dataDir) : null,
    devServerUrl: devServerUrl && isLoopbackUrl(devServerUrl) ? devServerUrl : null,
  };
}
