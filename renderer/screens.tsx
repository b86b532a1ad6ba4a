import { createElement, useEffect, useState, type ComponentType } from 'react';

/**
 * A screen loaded the first time it is opened. Not React.lazy under Suspense: a boundary that
 * has shown its fallback holds the loaded screen back until 300 ms after (React's fallback
 * throttle), when the screen's code arrives in 10–40 ms; that wait was most of opening Sent.
 * Here the placeholder gives way as soon as the code is there.
 */
function lazyScreen(load: () => Promise<ComponentType>): ComponentType {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  return function LazyScreen() {
    const [screen, setScreen] = useState<ComponentType | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (screen) return;
      let live = true;
      loading ??= load().then((component) => (loaded = component));
      loading.then(
        (component) => live && setScreen(() => component),
        () => {
          // The next visit tries again.
          loading = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [screen]);
    if (screen) return createElement(screen);
    if (failed) {
      return (
        <p className="form-error" role="alert">
          This screen could not be loaded. Reload the window (Ctrl+R or Cmd+R) to try again; nothing you wrote is lost.
        </p>
      );
    }
    return <p className="screen-loading">Loading…</p>;
  };
}

/**
 * The screens a start does not show, each loaded the first time it is opened: the window
 * paints and takes typing without parsing them (issue 19's start).
 */
export const OutboxView = lazyScreen(() => import('./features/outbox/screen.js').then((m) => m.OutboxView));
export const AccountsScreen = lazyScreen(() => import('./features/accounts/screen.js').then((m) => m.AccountsScreen));
export const SentView = lazyScreen(() => import('./features/history/index.js').then((m) => m.SentView));
export const SettingsView = lazyScreen(() => import('./features/settings/index.js').then((m) => m.SettingsView));
export const TemplatesScreen = lazyScreen(() => import('./features/templates/screen.js').then((m) => m.TemplatesScreen));
