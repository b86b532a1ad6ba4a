import { pathToFileURL } from 'node:url';
import { CRM_GATEWAY_PATH } from './crm-gateway/simulator.js';
import { closeAllSimulators, startAllSimulators, type VendorName } from './all.js';
import type { VendorSimulator } from './kit/server.js';

/** What `npm run vendors` prints: one line per vendor, then what to put in the account settings. */
export function describeSimulators(simulators: Record<VendorName, VendorSimulator>): string[] {
  const lines: string[] = [];
  for (const [name, sim] of Object.entries(simulators)) {
    lines.push(`${name} ${sim.url}`);
    if (name === 'crm-gateway') lines.push(`  endpointUrl: ${sim.url}${CRM_GATEWAY_PATH}`);
    for (const [key, value] of Object.entries(sim.info)) lines.push(`  ${key}: ${value}`);
  }
  return lines;
}

async function main(): Promise<void> {
  // Handlers go in before anything is printed: whoever reads the listing may signal at once.
  let stopRequested = false;
  const running: { simulators?: Record<VendorName, VendorSimulator> } = {};
  const stop = (): void => {
    if (stopRequested) return;
    stopRequested = true;
    if (!running.simulators) return; // main() closes them as soon as they are up
    void closeAllSimulators(running.simulators).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const simulators = await startAllSimulators();
  running.simulators = simulators;
  if (stopRequested) {
    await closeAllSimulators(simulators);
    process.exit(0);
  }
  process.stdout.write(`${describeSimulators(simulators).join('\n')}\n`);
}

// Only when run as a script (`tsx e2e/vendors/cli.ts`), not when a test imports describeSimulators.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`vendors: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
