import { create } from 'zustand';
import type { ProviderInfo } from '../../../shared/ipc.js';
import { bridge } from '../../lib/bridge.js';

// State
export interface ProvidersState {
  providers: ProviderInfo[];
  error: string | null;
}

// Actions
interface ProvidersActions {
  load(): Promise<void>;
}

export const useProvidersStore = create<ProvidersState & ProvidersActions>()((set) => ({
  providers: [],
  error: null,
  async load() {
    const result = await bridge().providers.list();
    set(result.ok ? { providers: result.value, error: null } : { error: result.error.message });
  },
}));

// Selectors
export const selectProviders = (state: ProvidersState) => state.providers;
export const selectProvidersError = (state: ProvidersState) => state.error;
