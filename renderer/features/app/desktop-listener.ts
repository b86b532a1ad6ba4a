import type { ComposeOpen } from '../../../shared/compose-open.js';
import type { MenuCommand } from '../../../shared/menu-command.js';
import { bridge } from '../../lib/bridge.js';
import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { flushDraft, requestSend, useComposerStore } from '../composer/index.js';
import { useAppStore } from './store.js';

async function openRequest(request: ComposeOpen): Promise<void> {
  useAppStore.getState().navigate('compose');
  const composer = useComposerStore.getState();
  const account = selectAccounts(useAccountsStore.getState()).find((a) => a.id === composer.accountId);
  await composer.openCompose(request, account?.signatureHtml ?? '');
}

/** Lets the composer show one opened message before the next is opened (its draft is saved from the editor). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function runCommand(command: MenuCommand): void {
  const { navigate } = useAppStore.getState();
  if (command === 'new-message') {
    // The message being written is saved as a draft first, as the sidebar's button does.
    void useComposerStore.getState().startNew();
    navigate('compose');
  } else if (command === 'send') {
    requestSend();
  } else if (command === 'save-draft') {
    void flushDraft();
  } else if (command === 'find-sent') {
    useAppStore.getState().findInSent();
  }
}

/**
 * Follows what the desktop asks of the window: `mailto:` links (those that arrived before the
 * page loaded, then each new one) and menu commands. Subscribes before asking for the pending
 * links, so none falls between the two. Returns the function that stops following.
 */
export function listenDesktop(): () => void {
  const mailer = bridge();
  let queue = Promise.resolve();
  const open = (request: ComposeOpen) => {
    queue = queue.then(() => openRequest(request)).then(nextTask);
  };
  const stopCompose = mailer.on('compose:open', open);
  const stopMenu = mailer.on('menu:command', runCommand);
  void mailer.compose.pending().then((result) => {
    if (result.ok) result.value.forEach(open);
    else useComposerStore.getState().setRemark(`Mail links opened before the window was ready could not be read: ${result.error.message}`);
  });
  return () => {
    stopCompose();
    stopMenu();
  };
}
