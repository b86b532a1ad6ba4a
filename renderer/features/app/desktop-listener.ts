import type { ComposeAttach } from '../../../shared/compose-attach.js';
import type { EditableMessage } from '../../../shared/editable-message.js';
import type { MenuCommand } from '../../../shared/menu-command.js';
import { bridge } from '../../lib/bridge.js';
import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { attachRefusal, flushDraft, requestSend, useComposerStore } from '../composer/index.js';
import { selectProviders, useProvidersStore } from '../providers/index.js';
import { useAppStore } from './store.js';

async function openRequest(message: EditableMessage): Promise<void> {
  useAppStore.getState().navigate('compose');
  const composer = useComposerStore.getState();
  const account = selectAccounts(useAccountsStore.getState()).find((a) => a.id === composer.accountId);
  await composer.open(message, { signatureHtml: account?.signatureHtml ?? '', keep: true });
}

/** Files dropped on the app's icon go to the open composer, refused as its Attach button is when the provider takes none. */
async function attachFiles(payload: ComposeAttach): Promise<void> {
  useAppStore.getState().navigate('compose');
  const composer = useComposerStore.getState();
  const account = selectAccounts(useAccountsStore.getState()).find((a) => a.id === composer.accountId);
  const provider = account ? (selectProviders(useProvidersStore.getState()).find((p) => p.id === account.settings.provider) ?? null) : null;
  await composer.attach(payload, attachRefusal(provider));
}

/** Lets the composer show one opened message before the next is opened (its draft is saved from the editor). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function runCommand(command: MenuCommand): void {
  const { navigate } = useAppStore.getState();
  if (command === 'new-message') {
    if (selectAccounts(useAccountsStore.getState()).length === 0) return useAppStore.getState().askFirstAccount();
    // The message being written is saved as a draft first, as the sidebar's button does.
    void useComposerStore.getState().startNew();
    navigate('compose');
  } else if (command === 'send') {
    requestSend();
  } else if (command === 'save-draft') {
    void flushDraft();
  } else if (command === 'find-sent') {
    useAppStore.getState().findInSent();
  } else if (command === 'settings') {
    navigate('settings');
  }
}

/**
 * Follows what the desktop asks of the window: `mailto:` links (those that arrived before the
 * page loaded, then each new one), files dropped on the app's icon and menu commands.
 * Subscribes before asking for the pending links, so none falls between the two. Returns the function that stops following.
 */
export function listenDesktop(): () => void {
  const mailer = bridge();
  let queue = Promise.resolve();
  const later = (task: () => Promise<void>) => {
    // One failed request must not stop the ones behind it.
    queue = queue
      .then(task)
      .catch((error: unknown) => useComposerStore.getState().setRemark(`Something the desktop asked for could not be done: ${error instanceof Error ? error.message : 'unknown error'}`))
      .then(nextTask);
  };
  const open = (message: EditableMessage) => later(() => openRequest(message));
  const stopCompose = mailer.on('compose:open', open);
  const stopAttach = mailer.on('compose:attach', (payload) => later(() => attachFiles(payload)));
  const stopMenu = mailer.on('menus:command', runCommand);
  // First in the queue: files held for this page arrive while it asks, and join the message the held links open.
  const pending = mailer.compose.pending();
  later(async () => {
    const result = await pending;
    if (!result.ok) {
      useComposerStore.getState().setRemark(`Mail links opened before the window was ready could not be read: ${result.error.message}`);
      return;
    }
    for (const request of result.value) {
      await openRequest(request);
      await nextTask();
    }
  });
  return () => {
    stopCompose();
    stopAttach();
    stopMenu();
  };
}
