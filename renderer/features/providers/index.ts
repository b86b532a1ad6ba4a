/** The providers feature as other features see it: what each sender can carry. */
export { ProviderGrid } from './ProviderGrid.js';
export { selectProviders, useProvidersStore } from './store.js';
