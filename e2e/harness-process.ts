import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '..');
/** `npm run build:harness` bundles the harness process here, as `npm run harness` runs it. */
const BUNDLED_CLI = path.join(root, 'dist/harness-server/cli.mjs');

export interface HarnessProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  /** SIGKILL: no chance to flush or close anything, as in a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The harness in a process of its own, the bundled one `npm run harness` starts, so a spec can kill it.
 * A bench measures it as people run it: `testHooks: false` leaves the specs' hooks out.
 */
export async function startHarnessProcess(dataDir: string, options: { testHooks?: boolean } = {}): Promise<HarnessProcess> {
  if (!existsSync(BUNDLED_CLI)) throw new Error('The bundled harness is missing: run `npm run build:harness` first.');
  const child = spawn(process.execPath, [BUNDLED_CLI, '--data-dir', dataDir], {
    cwd: root,
    env: options.testHooks === false ? process.env : { ...process.env, COMPOSER_TEST_HOOKS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The harness did not print its URL within 20 s.')), 20_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) return;
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The harness exited before printing its URL (${code}).`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}
