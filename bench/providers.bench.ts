import { adapterOverhead } from './providers-overhead.js';
import { unipileRssDelta } from './providers-rss.js';
import type { BenchSuite } from './types.js';

/**
 * Provider adapters: what the adapter path costs over a bare fetch (JSON vendor, 20 KB HTML),
 * and how much memory a 25 MiB Unipile attachment costs the sending process.
 */
const suite: BenchSuite = {
  name: 'providers',
  async run() {
    return {
      'providers.overhead_ratio_20kb': await adapterOverhead(),
      'providers.unipile_25mb_rss_delta_mb': await unipileRssDelta(),
    };
  },
};

export default suite;
