import { describe, expect, it } from 'vitest';
import { closeAllSimulators, startAllSimulators } from './all.js';
import { describeSimulators } from './cli.js';

describe('startAllSimulators', () => {
  it('starts the five vendors on loopback, each answering, and closes them all', async () => {
    const sims = await startAllSimulators();
    try {
      expect(Object.keys(sims).sort()).toEqual(['crm-gateway', 'rebilly', 'rollout', 'stuut', 'unipile']);
      const ports = new Set(Object.values(sims).map((s) => new URL(s.url).port));
      expect(ports.size).toBe(5);
      for (const sim of Object.values(sims)) {
        expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const res = await fetch(`${sim.url}/nowhere`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
        expect(res.status).toBeGreaterThanOrEqual(400);
      }
      const lines = describeSimulators(sims);
      expect(lines).toContain(`crm-gateway ${sims['crm-gateway'].url}`);
      expect(lines).toContain(`  endpointUrl: ${sims['crm-gateway'].url}/v1/email/send`);
      expect(lines).toContain('  apiKey: gw_test_key');
    } finally {
      await closeAllSimulators(sims);
    }
    await expect(fetch(`${sims.rollout.url}/emailMessages`, { method: 'POST' })).rejects.toThrow();
  });
});
