/** The providers feature as other features see it. */
export { ProviderGrid } from './ProviderGrid.js';
