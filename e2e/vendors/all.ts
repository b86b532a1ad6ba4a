import type { VendorSimulator } from './kit/server.js';
import { startCrmGateway } from './crm-gateway/simulator.js';
import { startRebilly } from './rebilly/simulator.js';
import { startRollout } from './rollout/simulator.js';
import { startStuut } from './stuut/simulator.js';
import { startUnipile } from './unipile/simulator.js';

export type VendorName = 'rollout' | 'rebilly' | 'stuut' | 'unipile' | 'crm-gateway';

/** Starts the five vendor simulators with their default test keys; if one fails, none stay up. */
export async function startAllSimulators(): Promise<Record<VendorName, VendorSimulator>> {
  const settled = await Promise.allSettled([startRollout(), startRebilly(), startStuut(), startUnipile(), startCrmGateway()]);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
    throw failed.reason;
  }
  const [rollout, rebilly, stuut, unipile, crmGateway] = settled.map((s) => (s as PromiseFulfilledResult<VendorSimulator>).value) as [
    VendorSimulator,
    VendorSimulator,
    VendorSimulator,
    VendorSimulator,
    VendorSimulator,
  ];
  return { rollout, rebilly, stuut, unipile, 'crm-gateway': crmGateway };
}

/** Stops every simulator, hung requests included. */
export async function closeAllSimulators(simulators: Record<VendorName, VendorSimulator>): Promise<void> {
  await Promise.all(Object.values(simulators).map((sim) => sim.close()));
}
