/**
 * The app's import graph by room (a service, a feature, the providers, shared/, a package),
 * from dependency-cruiser's resolved graph with the layer rules applied. `npm run graph` writes
 * docs/architecture-graph.svg through Graphviz's `dot`; scripts/architecture-graph.test.ts
 * checks that the committed picture still matches the code (no `dot` needed for that).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

export const root = path.resolve(import.meta.dirname, '..');
export const SVG_FILE = path.join(root, 'docs/architecture-graph.svg');

/** Tests, their helpers and type declarations are not rooms of the shipped app. */
const NOT_SHIPPED = /(\.test\.tsx?|test-support\.ts|\.child\.ts|\.d\.ts)$/;

interface Room {
  id: string;
  label: string;
  cluster: 'main' | 'services' | 'renderer' | 'features' | 'shared' | 'packages';
}

/** The room a resolved module belongs to, or null for one the picture leaves out. */
export function roomOf(resolved: string, coreModule: boolean): Room | null {
  // Node built-ins are everywhere in main and nowhere else (the layer rules see to that): arrows to them say nothing.
  if (coreModule) return null;
  const npm = /^node_modules\/((@[^/]+)\/[^/]+|[^/]+)\//.exec(resolved);
  if (npm) {
    const name = npm[2] ?? npm[1] ?? '';
    return { id: `pkg:${name}`, label: name, cluster: 'packages' };
  }
  if (NOT_SHIPPED.test(resolved)) return null;
  const service = /^electron\/services\/([^/]+)\//.exec(resolved);
  if (service) return { id: `services/${service[1]}`, label: service[1] ?? '', cluster: 'services' };
  if (/^electron\/services\/[^/]+$/.test(resolved)) return { id: 'services/common', label: 'bus, clock, notices', cluster: 'services' };
  const part = /^electron\/([^/]+)\//.exec(resolved);
  if (part) return { id: `electron/${part[1]}`, label: `${part[1]}/`, cluster: 'main' };
  const top = /^electron\/([^/]+)\.ts$/.exec(resolved);
  if (top) return { id: `electron/${top[1]}`, label: `${top[1]}.ts`, cluster: 'main' };
  const feature = /^renderer\/features\/([^/]+)\//.exec(resolved);
  if (feature) return { id: `features/${feature[1]}`, label: feature[1] ?? '', cluster: 'features' };
  if (resolved.startsWith('renderer/lib/')) return { id: 'renderer/lib', label: 'lib/ (bridge)', cluster: 'renderer' };
  if (/^renderer\/[^/]+\.tsx?$/.test(resolved)) return { id: 'renderer/app', label: 'App.tsx, main.tsx', cluster: 'renderer' };
  if (resolved.startsWith('shared/')) return { id: 'shared', label: 'shared/ (IPC contract, message model)', cluster: 'shared' };
  return null;
}

interface Edge {
  from: string;
  to: string;
  /** The layer rules the imports behind this arrow break; none on a healthy tree. */
  broken: string[];
}

export interface RoomGraph {
  rooms: Room[];
  edges: Edge[];
  /** Rooms with an import circle inside them (the rule is no-circular). */
  circles: string[];
}

/** The rooms and the arrows between them, sorted so that the same code gives the same picture. */
export async function roomGraph(): Promise<RoomGraph> {
  const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;
  const result = await cruise(['electron', 'renderer', 'shared'], {
    ...config.options,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
    baseDir: root,
  });
  const output = result.output as ICruiseResult;
  const rooms = new Map<string, Room>();
  const edges = new Map<string, Edge>();
  const circles = new Set<string>();
  for (const module of output.modules) {
    const from = roomOf(module.source, module.coreModule ?? false);
    if (!from || from.cluster === 'packages') continue;
    rooms.set(from.id, from);
    for (const dep of module.dependencies) {
      const to = roomOf(dep.resolved, dep.coreModule);
      if (!to) continue;
      if (to.id === from.id) {
        if (dep.circular) circles.add(from.id);
        continue;
      }
      rooms.set(to.id, to);
      const key = `${from.id}\u0000${to.id}`;
      const edge = edges.get(key) ?? { from: from.id, to: to.id, broken: [] };
      for (const rule of dep.rules ?? []) if (!edge.broken.includes(rule.name)) edge.broken.push(rule.name);
      edges.set(key, edge);
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    rooms: [...rooms.values()].sort(byId),
    edges: [...edges.values()].map((e) => ({ ...e, broken: e.broken.sort() })).sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`)),
    circles: [...circles].sort(),
  };
}

const CLUSTERS: Record<Room['cluster'], { label: string; color: string; parent?: Room['cluster'] }> = {
  main: { label: 'main process (electron/)', color: '#e8eef7' },
  services: { label: 'services/ (plain TypeScript, no electron)', color: '#d5e2f2', parent: 'main' },
  renderer: { label: 'renderer/ (the window)', color: '#f7e8ee' },
  features: { label: 'features/', color: '#f0d5e0', parent: 'renderer' },
  shared: { label: 'shared/', color: '#ece6f5' },
  packages: { label: 'packages', color: '#f2f2ee' },
};

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The graph in Graphviz's language. */
export function toDot(graph: RoomGraph): string {
  const lines = [
    'digraph composer {',
    '  graph [rankdir=TB, newrank=true, concentrate=true, ranksep=0.9, nodesep=0.2, fontname="Helvetica", fontsize=11, splines=true, label="Composer: who imports whom, by room (generated by npm run graph; red = breaks a layer rule, orange = an import circle inside the room)", labelloc=t];',
    '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica", fontsize=10, height=0.3];',
    '  edge [color="#7a869a", arrowsize=0.6];',
  ];
  const cluster = (name: Room['cluster'], indent: string): void => {
    const spec = CLUSTERS[name];
    lines.push(`${indent}subgraph ${quote(`cluster_${name}`)} {`);
    lines.push(`${indent}  label=${quote(spec.label)}; style="rounded,filled"; fillcolor=${quote(spec.color)}; color="#9aa5b5";`);
    for (const room of graph.rooms.filter((r) => r.cluster === name)) {
      const circle = graph.circles.includes(room.id);
      const label = circle ? `${room.label}\\n(import circle inside)` : room.label;
      lines.push(`${indent}  ${quote(room.id)} [label=${quote(label).replace(/\\\\n/g, '\\n')}${circle ? ', color="#d9822b", penwidth=2' : ''}];`);
    }
    for (const [child, spec2] of Object.entries(CLUSTERS)) if (spec2.parent === name) cluster(child as Room['cluster'], `${indent}  `);
    lines.push(`${indent}}`);
  };
  for (const [name, spec] of Object.entries(CLUSTERS)) if (!spec.parent) cluster(name as Room['cluster'], '  ');
  for (const edge of graph.edges) {
    const attrs = edge.broken.length > 0 ? ` [color="#d0342c", penwidth=2, tooltip=${quote(edge.broken.join(', '))}]` : '';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${attrs};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A fingerprint of the picture's source, kept in the SVG so a test can tell a stale picture. */
export function fingerprint(dot: string): string {
  return createHash('sha256').update(dot).digest('hex').slice(0, 16);
}

export const FINGERPRINT_MARK = 'architecture-graph-source:';
