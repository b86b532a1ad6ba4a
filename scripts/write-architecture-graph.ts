import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprint, FINGERPRINT_MARK, root, roomGraph, SVG_FILE, toDot } from './architecture-graph.js';

const dot = toDot(await roomGraph());
let svg: string;
try {
  svg = execFileSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(
    missing
      ? 'Graphviz is not installed, so the graph cannot be drawn: install it (Debian: apt-get install graphviz) and run npm run graph again. The committed picture is unchanged.'
      : `Graphviz could not draw the graph: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
writeFileSync(SVG_FILE, svg.replace('<svg', `<!-- ${FINGERPRINT_MARK} ${fingerprint(dot)} -->\n<svg`));
console.log(`wrote ${path.relative(root, SVG_FILE)}`);
