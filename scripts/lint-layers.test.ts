import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

/** Lints in-memory code as if it were the file at `file`, and returns the layer rules it broke. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('layer rules refuse what the review found slipping through', () => {
  const forbidden: [string, string, string, RegExp][] = [
    ['a subpath of electron in a service', 'electron/services/x.ts', "import { app } from 'electron/main';\nexport const a = app;\n", /may import electron/],
    ['a subpath of electron in a provider', 'electron/providers/x.ts', "export * from 'electron/common';\n", /may import electron/],
    ['a dynamic electron import in a service', 'electron/services/x.ts', "export async function f() {\n  return (await import('electron')).app;\n}\n", /dynamically or not/],
    ['a dynamic electron import in a provider', 'electron/providers/x.ts', "export const f = () => import('electron/main');\n", /dynamically or not/],
    ['a require of electron in a service', 'electron/services/x.ts', "export const e = require('electron');\n", /dynamically or not/],
    ["bare 'fs' in shared/", 'shared/x.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n", /no Node built-ins/],
    ["bare 'path' in shared/", 'shared/x.ts', "import path from 'path';\nexport const p = path;\n", /no Node built-ins/],
    ["bare 'fs/promises' in the renderer", 'renderer/lib/x.ts', "import { readFile } from 'fs/promises';\nexport const r = readFile;\n", /no Node built-ins/],
    ["bare 'path' in a renderer feature", 'renderer/features/app/x.tsx', "import path from 'path';\nexport const p = path;\n", /no Node built-ins/],
    ['a provider importing the core', 'electron/providers/x.ts', "import { createCore } from '../core.js';\nexport const c = createCore;\n", /core or the IPC layer/],
    ['a provider importing the IPC layer', 'electron/providers/x.ts', "import { createDispatcher } from '../ipc/dispatcher.js';\nexport const d = createDispatcher;\n", /core or the IPC layer/],
    ["a feature importing another's internals", 'renderer/features/app/x.tsx', "import { useProvidersStore } from '../providers/store.js';\nexport const s = useProvidersStore;\n", /through its index.ts only/],
    ["a nested feature file importing another's internals", 'renderer/features/app/parts/x.tsx', "import { ProviderGrid } from '../../providers/ProviderGrid.js';\nexport const g = ProviderGrid;\n", /through its index.ts only/],
  ];
  for (const [what, file, code, message] of forbidden) {
    it(`refuses ${what}`, async () => {
      expect(await layerErrors(file, code)).toEqual([expect.stringMatching(message)]);
    });
  }

  it('still allows what the layers permit', async () => {
    expect(await layerErrors('renderer/features/app/x.tsx', "import { ProviderGrid } from '../providers/index.js';\nimport { bridge } from '../../lib/bridge.js';\nimport { x } from './local.js';\nexport const a = [ProviderGrid, bridge, x];\n")).toEqual([]);
    expect(await layerErrors('electron/services/x.ts', "import path from 'node:path';\nimport { z } from 'zod';\nexport const a = [path, z];\n")).toEqual([]);
    expect(await layerErrors('electron/platform/x.ts', "import { safeStorage } from 'electron';\nexport const s = safeStorage;\n")).toEqual([]);
    expect(await layerErrors('electron/providers/x.ts', "import { postToVendor } from './vendor-post.js';\nexport const p = postToVendor;\n")).toEqual([]);
  });
});
