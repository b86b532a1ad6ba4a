import { useAccountsStore } from './features/accounts/index.js';
import { listenDesktop } from './features/app/desktop-listener.js';
import { useAppStore } from './features/app/store.js';
import { followSentMessage, useComposerStore } from './features/composer/index.js';
import { useDraftsStore } from './features/drafts/index.js';
import { useOutboxStore } from './features/outbox/index.js';
import { useTemplatesStore } from './features/templates/index.js';

/**
 * What the window listens to and asks main for as it starts. Begun before React's first
 * render (renderer/main.tsx), not in an effect after it, so the answers (the accounts, the
 * newest draft) arrive while the first screen renders. Answers how to stop it all.
 */
export function startWindow(): () => void {
  const outbox = useOutboxStore.getState();
  const stops = [
    useAppStore.getState().listen(),
    useAccountsStore.getState().listen(),
    outbox.listen(),
    useDraftsStore.getState().listen(),
    listenDesktop(),
    useTemplatesStore.getState().listen(),
    followSentMessage(
      (listener) => useOutboxStore.subscribe((state) => listener(state.rows)),
      () => useAppStore.getState().navigate('outbox'),
    ),
  ];
  // Ctrl+, (⌘, on a Mac) opens Settings, as the menu's Preferences / Settings does.
  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === ',') {
      event.preventDefault();
      useAppStore.getState().navigate('settings');
    }
  };
  window.addEventListener('keydown', onKey);
  // First what the composer needs to show and take typing (the accounts, the draft it reopens), then the rest.
  void useAccountsStore.getState().load();
  void useComposerStore.getState().reopenNewestDraft();
  void useAppStore.getState().load();
  void useDraftsStore.getState().load();
  void outbox.load();
  return () => {
    for (const stop of stops) stop();
    window.removeEventListener('keydown', onKey);
  };
}
