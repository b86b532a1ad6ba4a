import { useEffect } from 'react';
import type { ProviderInfo } from '../../../shared/ipc.js';
import { capabilityLabels } from './capability-labels.js';
import { selectProviders, selectProvidersError, useProvidersStore } from './store.js';

export function ProviderCards(props: { providers: ProviderInfo[] }) {
  return (
    <ul className="vendor-grid" aria-label="Supported senders">
      {props.providers.map((provider) => {
        const { can, cannot } = capabilityLabels(provider.capabilities);
        return (
          <li key={provider.id} className="vendor-card" aria-label={provider.displayName}>
            <span className="vendor-name">{provider.displayName}</span>
            <span className="vendor-detail">{can.join(' · ')}</span>
            {cannot.length > 0 && <span className="vendor-missing">{cannot.join(' · ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function ProviderGrid() {
  const providers = useProvidersStore(selectProviders);
  const error = useProvidersStore(selectProvidersError);
  const load = useProvidersStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <p role="alert">The list of senders could not be loaded: {error}</p>;
  return <ProviderCards providers={providers} />;
}
