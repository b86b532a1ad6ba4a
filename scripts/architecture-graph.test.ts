import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Each test cruises the whole tree: seconds, and many more on a loaded machine; this is no speed check.
const WHOLE_TREE_MS = 180_000;
import { fingerprint, FINGERPRINT_MARK, root, roomGraph, SVG_FILE, toDot } from './architecture-graph.js';

const folders = async (dir: string) => (await readdir(path.join(root, dir), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);

describe('docs/architecture-graph.svg', () => {
  it('is drawn from the imports as they are now (else run npm run graph and commit the picture)', async () => {
    const graph = await roomGraph();
    const svg = await readFile(SVG_FILE, 'utf8');
    const committed = new RegExp(`${FINGERPRINT_MARK} ([0-9a-f]+)`).exec(svg)?.[1];
    expect(committed, 'the picture is stale: run `npm run graph` (needs Graphviz) and commit docs/architecture-graph.svg').toBe(fingerprint(toDot(graph)));
  }, WHOLE_TREE_MS);

  it('has a room for every service and every renderer feature, and an arrow into shared/ from both processes', async () => {
    const graph = await roomGraph();
    const ids = graph.rooms.map((r) => r.id);
    for (const service of await folders('electron/services')) expect(ids).toContain(`services/${service}`);
    for (const feature of await folders('renderer/features')) expect(ids).toContain(`features/${feature}`);
    expect(graph.edges).toContainEqual({ from: 'renderer/lib', to: 'shared', broken: [] });
    expect(graph.edges).toContainEqual({ from: 'electron/ipc', to: 'shared', broken: [] });
  }, WHOLE_TREE_MS);
});
