/** The Accounts form's words for each vendor: the provider catalogue's, in shared/providers/. */
export type { FieldHelp, FieldKey, ProviderEntry as ProviderHelp } from '../../../shared/providers/entry.js';
export { providerCatalogue as providerHelp, providerIds as providerOrder } from '../../../shared/providers/catalogue.js';
