import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable when its binary was installed, else null. Reads the package's
 * own path.txt instead of calling `require('electron')`, which tries to download the
 * binary when it is missing (it cannot be downloaded on the build machines).
 */
export function electronBinary(root: string): string | null {
  const pkg = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}
