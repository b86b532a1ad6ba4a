/** The accounts feature as the app and other features see it; the Accounts screen is in screen.ts. */
export { AccountsSidebar } from './AccountsSidebar.js';
export { VaultPanel } from './VaultPanel.js';
export { accountLabel, selectAccounts, selectLoaded, useAccountsStore } from './store.js';
export { SignatureEditor } from './SignatureEditor.js';
