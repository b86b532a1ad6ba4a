import path from 'node:path';
import { electronBinary } from '../e2e/electron-binary.js';

/**
 * Run before `npm start` and `npm run dev` launch Electron. Without its binary, Electron's
 * own launcher tries to download it and ends in a stack trace; this says in one sentence what
 * happened and what to do instead, and exits 1.
 */
export const MISSING_ELECTRON =
  'Electron’s program is not installed here (it could not be downloaded), so Composer cannot open as a desktop app: run `npm run harness` to use the same app in your browser, or run `npm install` again where Electron’s download can be reached.';

export function checkElectron(root: string): string | null {
  return electronBinary(root) ? null : MISSING_ELECTRON;
}

if (import.meta.main || process.argv[1] === import.meta.filename) {
  const problem = checkElectron(process.env.COMPOSER_ROOT ?? path.resolve(import.meta.dirname, '..'));
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
