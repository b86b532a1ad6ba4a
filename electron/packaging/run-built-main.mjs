// Runs a built main bundle under plain Node (its `electron` import resolves to the fake beside
// it) and prints what it asked of Electron once its first window loads, or after 60 s.
import { pathToFileURL } from 'node:url';

const bundle = process.argv[2];
// The bundle the test just built, never a path from anywhere else.
// eslint-disable-next-line no-unsanitized/method
await import(pathToFileURL(bundle).href);
const calls = () => globalThis.__fakeElectronCalls ?? [];
const deadline = Date.now() + 60_000;
while (!calls().some(([what]) => what === 'loadURL') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
process.stdout.write(`${JSON.stringify(calls())}\n`);
// The outbox worker and the database keep a started main alive; what was asked is all we need.
process.exit(0);
