import type { MailClientStatus } from '../../../shared/mail-client.js';
import { mailClientStatus, needsSystemSettings } from './default-mail-client.js';
import { ServiceError } from '../../../shared/service-error.js';

/** The system's handler registry for `mailto:`: Electron's app API, absent in the harness. */
export interface MailtoRegistry {
  isDefault(): boolean;
  /** Registers the app; false when the system refused. */
  makeDefault(): boolean;
  /** Windows only: opens the Default apps page of Settings, where the person picks. */
  openSystemSettings(): Promise<void>;
}

export interface MailClientService {
  status(): MailClientStatus;
  makeDefault(): Promise<MailClientStatus>;
}

export function createMailClientService(options: { platform: string; appName: string; registry: MailtoRegistry | null }): MailClientService {
  const { registry } = options;
  const status = () =>
    mailClientStatus({ platform: options.platform, appName: options.appName, available: registry !== null, isDefault: registry?.isDefault() ?? false });
  return {
    status,
    async makeDefault() {
      if (!registry) {
        throw new ServiceError({ kind: 'unsupported', message: `Only the installed ${options.appName} app can become your default mail app; this copy cannot.` });
      }
      if (registry.isDefault()) return status();
      const registered = registry.makeDefault();
      if (needsSystemSettings(options.platform)) {
        // Windows ignores the registration as a default until the person confirms it in Settings.
        await registry.openSystemSettings();
        return status();
      }
      if (!registered || !registry.isDefault()) {
        throw new ServiceError({
          kind: 'internal',
          message: `The system did not accept ${options.appName} as the default mail app. Choose it in your system’s settings for default applications instead.`,
        });
      }
      return status();
    },
  };
}
