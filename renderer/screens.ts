import { lazy } from 'react';

/**
 * The screens a start does not show, each loaded the first time it is opened: the window
 * paints and takes typing without parsing them (issue 19's start).
 */
export const OutboxView = lazy(() => import('./features/outbox/screen.js').then((m) => ({ default: m.OutboxView })));
export const AccountsScreen = lazy(() => import('./features/accounts/screen.js').then((m) => ({ default: m.AccountsScreen })));
export const SentView = lazy(() => import('./features/history/index.js').then((m) => ({ default: m.SentView })));
export const SettingsView = lazy(() => import('./features/settings/index.js').then((m) => ({ default: m.SettingsView })));
export const TemplatesScreen = lazy(() => import('./features/templates/screen.js').then((m) => ({ default: m.TemplatesScreen })));
