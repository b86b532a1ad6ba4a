import { useEffect } from 'react';
import type { ProviderInfo } from '../../../shared/ipc.js';
import { capabilityLabels } from './capability-labels.js';
import { selectProviders, selectProvidersError, useProvidersStore } from './store.js';

/** Each card is a button: it opens Add account with that provider chosen. */
export function ProviderCards(props: { providers: ProviderInfo[]; onChoose: (id: ProviderInfo['id']) => void }) {
  return (
    <ul className="vendor-grid" aria-label="Supported senders">
      {props.providers.map((provider) => {
        const { can, cannot } = capabilityLabels(provider.capabilities);
        return (
          <li key={provider.id}>
            <button type="button" className="vendor-card" aria-label={`Add a ${provider.displayName} account`} onClick={() => props.onChoose(provider.id)}>
              <span className="vendor-name">{provider.displayName}</span>
              <span className="vendor-detail">{can.join(' · ')}</span>
              {cannot.length > 0 && <span className="vendor-missing">{cannot.join(' · ')}</span>}
              <span className="vendor-add" aria-hidden="true">
                Add account →
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function ProviderGrid(props: { onChoose: (id: ProviderInfo['id']) => void }) {
  const providers = useProvidersStore(selectProviders);
  const error = useProvidersStore(selectProvidersError);
  const load = useProvidersStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <p role="alert">The list of senders could not be loaded: {error}</p>;
  return <ProviderCards providers={providers} onChoose={props.onChoose} />;
}
