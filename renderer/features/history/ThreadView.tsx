import { accountLabel, selectAccounts, useAccountsStore } from '../accounts/index.js';
import { useAppStore } from '../app/index.js';
import { revealBidi } from '../../../shared/inert-text.js';
import { MessageCard } from './MessageCard.js';
import { selectOpenThread, shownMessages, useHistoryStore } from './store.js';

/** The open thread, oldest message first, so it reads as the conversation went. */
export function ThreadView() {
  const thread = useHistoryStore(selectOpenThread);
  const openId = useHistoryStore((state) => state.openThreadId);
  const allowed = useHistoryStore((state) => state.remoteAllowed);
  const filters = useHistoryStore((state) => state.filters);
  const accounts = useAccountsStore(selectAccounts);
  const store = useHistoryStore.getState;
  const label = (id: string) => accountLabel(accounts, id);
  const navigate = useAppStore((state) => state.navigate);
  const startEdit = useAccountsStore((state) => state.startEdit);
  const openAccount = (accountId: string) => {
    const account = accounts.find((a) => a.id === accountId);
    if (account) startEdit(account);
    navigate('accounts');
  };
  if (!openId) return <p className="sent-placeholder">Choose a thread to read it, reply or send it again.</p>;
  if (!thread) return <p className="sent-placeholder" role="status">Opening the thread…</p>;
  const subject = revealBidi(thread.thread.subject.trim()) || '(no subject)';
  const messages = shownMessages(thread, filters);
  return (
    <section className="sent-thread" aria-labelledby="sent-thread-title">
      <header className="sent-thread-head">
        <h2 id="sent-thread-title">{subject}</h2>
        <span className="sent-thread-count">{messages.length === 1 ? '1 message' : `${messages.length} messages`}</span>
        <button type="button" className="button-quiet button-danger" onClick={() => void store().remove({ threadId: thread.thread.id }, `Thread “${subject}” deleted.`)}>
          Delete thread
        </button>
        <button type="button" className="button-quiet" onClick={() => store().closeThread()} aria-label="Close thread">
          Close
        </button>
      </header>
      <ol className="sent-messages" aria-label="Messages in this thread">
        {messages.map((message) => (
          <li key={message.id}>
            <MessageCard
              message={message}
              account={label(message.accountId)}
              allowRemote={allowed[message.id] === true}
              onAllowRemote={() => store().allowRemote(message.id)}
              onCompose={(mode) => void store().compose(message.id, mode)}
              onRetry={() => void store().retry(message)}
              onOpenAccount={() => openAccount(message.accountId)}
              onDelete={() => void store().remove({ messageId: message.id }, 'Message deleted.')}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
