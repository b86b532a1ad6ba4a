import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

type Cli = ChildProcessByStdio<null, Readable, Readable>;

async function listAndStop(child: Cli): Promise<void> {
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    err += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listing; got: ${out}`)), 15_000);
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (/readOnlyKey/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}: ${err}`)));
  });
  for (const name of ['rollout', 'rebilly', 'stuut', 'unipile', 'crm-gateway']) {
    expect(out).toMatch(new RegExp(`^${name} http://127\\.0\\.0\\.1:\\d+$`, 'm'));
  }
  const gateway = /^crm-gateway (\S+)$/m.exec(out)?.[1] ?? '';
  expect(out).toContain(`endpointUrl: ${gateway}/v1/email/send`);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited, err).toBe(0);
  await expect(fetch(`${gateway}/v1/email/send`, { method: 'POST' })).rejects.toThrow();
}

describe('npm run vendors (e2e/vendors/cli.ts)', () => {
  it('prints every vendor with its base URL and stops cleanly on SIGINT', async () => {
    const child: Cli = spawn(process.execPath, ['--import', 'tsx', 'e2e/vendors/cli.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await listAndStop(child);
    } finally {
      // A failed assertion must not leave five servers running.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
