import { useEffect } from 'react';
import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { selectProviders, useProvidersStore } from '../providers/index.js';
import { Composer } from './Composer.js';

/** The composer with the connected accounts and what their providers can carry. */
export function ComposerPage() {
  const accounts = useAccountsStore(selectAccounts);
  const providers = useProvidersStore(selectProviders);
  const loadProviders = useProvidersStore((state) => state.load);
  useEffect(() => {
    if (providers.length === 0) void loadProviders();
  }, [providers.length, loadProviders]);
  return <Composer accounts={accounts} providers={providers} />;
}
