import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const MODEL_TEST = 'electron/services/outbox/lifecycle.model.test.ts';

interface VitestJson {
  testResults: { assertionResults: { title: string; status: string }[] }[];
}

/**
 * `outbox.lifecycle_sequences`: how many random lifecycle sequences the model test checks in
 * one CI run, read from the run itself (its passing test names the count); 0 when it fails.
 */
export async function lifecycleSequences(): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-lifecycle-'));
  const out = path.join(dir, 'result.json');
  try {
    await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', MODEL_TEST, '--reporter=json', `--outputFile=${out}`], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    }).catch(() => undefined);
    const report = JSON.parse(await readFile(out, 'utf8')) as VitestJson;
    const results = report.testResults.flatMap((file) => file.assertionResults);
    const random = results.find((r) => /over \d+ random sequences/.test(r.title));
    if (!random || results.some((r) => r.status !== 'passed')) return 0;
    return Number(/over (\d+) random sequences/.exec(random.title)?.[1] ?? 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
