import { adapterOverhead } from './providers-overhead.js';
import { crmGatewayRssDelta, unipileRssDelta } from './providers-rss.js';
import type { BenchSuite } from './types.js';

/**
 * Provider adapters: what the adapter path costs over a bare fetch (JSON vendor, 20 KB HTML),
 * and how much memory a 25 MiB attachment costs the sending process through each vendor that
 * takes files from this computer (Unipile's multipart form, the gateway's base64 JSON).
 */
const suite: BenchSuite = {
  name: 'providers',
  async run() {
    return {
      'providers.overhead_ratio_20kb': await adapterOverhead(),
      'providers.unipile_25mb_rss_delta_mb': await unipileRssDelta(),
      'providers.crm_gateway_25mb_rss_delta_mb': await crmGatewayRssDelta(),
    };
  },
};

export default suite;
