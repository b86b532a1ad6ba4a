import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server.js';
import { testHooksEnabled } from './test-hooks.js';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, mailto: { type: 'string' } } });

const staticDir = path.join(root, 'dist/harness');
if (!(await stat(path.join(staticDir, 'index.html')).catch(() => null))) {
  console.error('The harness build is missing. Run `npm run harness`, which builds it first.');
  process.exit(1);
}
const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : await mkdtemp(path.join(tmpdir(), 'composer-harness-'));
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };

const harness = await startHarness({
  dataDir,
  staticDir,
  version,
  ...(values.port ? { port: Number(values.port) } : {}),
  testHooks: testHooksEnabled(),
  ...(values.mailto !== undefined ? { mailto: values.mailto } : {}),
});
console.log(`Composer harness (data in ${dataDir}). Open:`);
console.log(harness.url);

const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
