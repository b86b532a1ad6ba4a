import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/service-error.js';
import { createMailClientService, type MailtoRegistry } from './mail-client-service.js';

/** A registry like the system's: registering changes what it reports, or the system refuses. */
function registry(options: { accepts: boolean; isDefault?: boolean }): MailtoRegistry & { settingsOpened: number } {
  let isDefault = options.isDefault ?? false;
  const state = { settingsOpened: 0 };
  return {
    get settingsOpened() {
      return state.settingsOpened;
    },
    isDefault: () => isDefault,
    makeDefault: () => {
      if (options.accepts) isDefault = true;
      return options.accepts;
    },
    openSystemSettings: async () => {
      state.settingsOpened++;
    },
  };
}

describe('mail client service', () => {
  it('makes the app the default on macOS and Linux, and reports it', async () => {
    for (const platform of ['darwin', 'linux']) {
      const service = createMailClientService({ platform, appName: 'Composer', registry: registry({ accepts: true }) });
      expect(service.status().isDefault).toBe(false);
      expect(await service.makeDefault()).toMatchObject({ isDefault: true, actionLabel: '' });
    }
  });

  it('on Windows opens Settings for the person to choose, and reports what the system says', async () => {
    const windows = registry({ accepts: false });
    const service = createMailClientService({ platform: 'win32', appName: 'Composer', registry: windows });
    expect(await service.makeDefault()).toMatchObject({ isDefault: false, actionLabel: 'Open Windows Settings' });
    expect(windows.settingsOpened).toBe(1);
  });

  it('says so when the system refuses, pointing at the system settings', async () => {
    const service = createMailClientService({ platform: 'linux', appName: 'Composer', registry: registry({ accepts: false }) });
    const error = await service.makeDefault().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).failure.message).toMatch(/did not accept Composer.*system’s settings/);
  });

  it('does nothing when it already is the default', async () => {
    const service = createMailClientService({ platform: 'win32', appName: 'Composer', registry: registry({ accepts: true, isDefault: true }) });
    expect(await service.makeDefault()).toMatchObject({ isDefault: true });
  });

  it('in the harness (no registry) explains that only the installed app can', async () => {
    const service = createMailClientService({ platform: 'linux', appName: 'Composer', registry: null });
    expect(service.status()).toMatchObject({ available: false, actionLabel: '' });
    await expect(service.makeDefault()).rejects.toMatchObject({ failure: { kind: 'unsupported' } });
  });
});
