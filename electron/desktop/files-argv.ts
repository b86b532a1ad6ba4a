import path from 'node:path';
import { MAX_ICON_FILES } from '../../shared/compose-attach.js';

/** A longer argument is not a file path the system handed over. */
const MAX_PATH = 4096;

function isFileArgument(arg: string): boolean {
  if (arg === '' || arg.length > MAX_PATH) return false;
  // Chromium's and Electron's switches (--allow-file-access-from-files, -psn_0_1234 on old macOS).
  if (arg.startsWith('-')) return false;
  // Links (mailto:, https://, file://) are not paths; a Windows drive letter (C:\) is.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) return false;
  return true;
}

/**
 * The files among a launch's arguments: what Windows and Linux pass when files are dropped on
 * the taskbar or dock icon (or opened with the app). The executable (argv[0]), switches, links
 * and the app's own folder (`electron .` in development) are skipped; relative paths are
 * resolved against `cwd`, the launching process's folder. At most MAX_ICON_FILES, in order,
 * without repeats; `more` counts the ones left out.
 */
export function filesFromArgv(argv: readonly unknown[], options: { cwd: string; appPath?: string }): { paths: string[]; more: number } {
  const own = options.appPath ? path.resolve(options.appPath) : null;
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || !isFileArgument(arg.trim())) continue;
    const resolved = path.resolve(options.cwd, arg.trim());
    if (resolved === own || found.includes(resolved)) continue;
    found.push(resolved);
  }
  return { paths: found.slice(0, MAX_ICON_FILES), more: Math.max(0, found.length - MAX_ICON_FILES) };
}
