// Runs the Electronegativity scan over our Electron and renderer code and fails on any
// finding that security/electronegativity-baseline.json does not accept (with a reason).
// The scanner always exits 0, so we read its SARIF ourselves.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

// The scanner fetches translations and Electron release lists over the network at start.
// This workplace has none, and its HTTP client crashes on the retry; answer "offline" at once.
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got' && parent?.filename?.includes('electronegativity')) {
    return () => Promise.reject(Object.assign(new Error('offline'), { code: 'OFFLINE' }));
  }
  return originalLoad.call(this, request, parent, isMain);
};

const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = require('electron/package.json').version;
const findings = new Map();
for (const folder of ['electron', 'renderer']) {
  const input = path.join(root, folder);
  const { issues, errors } = await run({
    input,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  if (errors.length > 0) {
    console.error(`Electronegativity could not parse: ${errors.map((e) => e.file).join(', ')}`);
    process.exit(1);
  }
  for (const issue of issues) {
    const file = issue.file && issue.file !== 'N/A' ? `${folder}/${path.relative(input, path.resolve(input, issue.file))}` : `${folder}/(global)`;
    const key = `${issue.id} ${file}`;
    findings.set(key, (findings.get(key) ?? 0) + 1);
  }
}

const baseline = JSON.parse(readFileSync(path.join(root, 'security/electronegativity-baseline.json'), 'utf8'));
const accepted = new Map(baseline.accepted.map((entry) => [`${entry.rule} ${entry.file}`, entry.count]));
const fresh = [...findings].filter(([key, count]) => count > (accepted.get(key) ?? 0));
const stale = [...accepted.keys()].filter((key) => !findings.has(key));

for (const [key, count] of findings) console.log(`  ${fresh.some(([k]) => k === key) ? 'NEW     ' : 'accepted'} ${key} (x${count})`);
for (const key of stale) console.log(`  gone     ${key}: remove it from the baseline`);
if (fresh.length > 0) {
  console.error(`Electronegativity: ${fresh.length} new finding(s). Fix them, or accept each in security/electronegativity-baseline.json with a reason.`);
  process.exit(1);
}
console.log(`Electronegativity: ${findings.size} finding(s), all accepted in the baseline.`);
