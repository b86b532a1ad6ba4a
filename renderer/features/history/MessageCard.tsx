import { providerName } from '../../../shared/providers/catalogue.js';
import type { HistoryAddress, HistoryMessage } from '../../../shared/history.js';
import { revealBidi } from '../../../shared/inert-text.js';
import { failureActionOf } from '../../../shared/outcome.js';
import { longWhen } from '../../lib/when.js';
import { fullAddress, sizeLabel } from './format.js';
import { MessageFrame, useRemoteImageCount } from './MessageFrame.js';
import { OutcomeBadge } from './OutcomeBadge.js';

function HeaderLine(props: { label: string; people: HistoryAddress[] }) {
  if (props.people.length === 0) return null;
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.people.map(fullAddress).join(', ')}</dd>
    </>
  );
}

/** A message tried more than once: each try, oldest first, folded away until asked for. */
function Attempts(props: { attempts: HistoryMessage['attempts'] }) {
  if (props.attempts.length < 2) return null;
  return (
    <details className="sent-attempts">
      <summary>{props.attempts.length} attempts</summary>
      <ol aria-label="Attempts">
        {props.attempts.map((attempt, index) => (
          <li key={index} className="sent-attempt">
            <OutcomeBadge status={attempt.status} accepted={attempt.accepted} />{' '}
            <time dateTime={new Date(attempt.attemptedAt).toISOString()}>{longWhen(attempt.attemptedAt)}</time>
            {attempt.error ? <span className="sent-attempt-error"> · {attempt.error.message}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

export interface MessageCardProps {
  message: HistoryMessage;
  account: string;
  allowRemote: boolean;
  onAllowRemote(): void;
  onCompose(mode: 'reply' | 'reply-all' | 'forward' | 'copy'): void;
  onRetry(): void;
  /** Opens the account's form: a rejected or locked key is fixed there before a retry can succeed. */
  onOpenAccount(): void;
  onDelete(): void;
}

/** One message of a thread: who and when, how it ended, its files, its HTML, and what can be done with it. */
export function MessageCard(props: MessageCardProps) {
  const { message } = props;
  const remote = useRemoteImageCount(message.html);
  const subject = revealBidi(message.subject.trim()) || '(no subject)';
  const headingId = `message-${message.id}`;
  const needsAccount = message.status !== 'sent' && message.error !== null && failureActionOf(message.error.kind) === 'open_accounts';
  return (
    <article className={`sent-message sent-message-${message.status}`} aria-labelledby={headingId}>
      <header className="sent-message-head">
        <h3 id={headingId} className="sent-message-from">
          {message.from?.name ?? message.from?.email ?? props.account}
          {message.from?.name ? <span className="sent-message-email"> {message.from.email}</span> : null}
        </h3>
        <OutcomeBadge status={message.status} accepted={message.accepted} />
        <time className="sent-message-time" dateTime={new Date(message.attemptedAt).toISOString()}>
          {longWhen(message.attemptedAt)}
        </time>
        {/* Named by what it does; which message is said by the card's heading it points to. */}
        <button type="button" className="sent-delete" onClick={props.onDelete} aria-label="Delete message" aria-describedby={headingId} title="Delete message">
          ×
        </button>
      </header>
      <dl className="sent-headers">
        <HeaderLine label="To" people={message.to} />
        <HeaderLine label="Cc" people={message.cc} />
        <HeaderLine label="Bcc" people={message.bcc} />
        <dt>Subject</dt>
        <dd>{subject}</dd>
        <dt>Account</dt>
        <dd>
          {/* "Sandbox" once when the account is named after its provider. */}
          {props.account.trim().toLowerCase() === providerName(message.provider).toLowerCase() ? props.account : `${props.account} · ${providerName(message.provider)}`}
          {message.vendorProvider ? ` (${message.vendorProvider})` : ''}
        </dd>
      </dl>
      {message.error ? (
        <p className="sent-error" role="note">
          {message.error.message}
        </p>
      ) : null}
      <Attempts attempts={message.attempts} />
      {message.attachments.length > 0 ? (
        <ul className="sent-files" aria-label="Attachments">
          {message.attachments.map((file, index) => (
            <li key={`${file.filename}-${index}`} className={file.available ? 'sent-file' : 'sent-file sent-file-gone'}>
              <span className="sent-file-name">{revealBidi(file.filename)}</span> <span className="sent-file-size">{sizeLabel(file.size)}</span>
              {file.available ? null : <span className="sent-file-note"> · copy no longer stored</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {remote > 0 && !props.allowRemote ? (
        <p className="sent-remote">
          {remote === 1 ? 'A remote image was' : `${remote} remote images were`} not loaded, so the sender of the image cannot tell the message was opened.{' '}
          <button type="button" className="link-button" onClick={props.onAllowRemote}>
            Show remote images
          </button>
        </p>
      ) : null}
      <MessageFrame messageId={message.id} html={message.html} title={`Message: ${subject}`} allowRemote={props.allowRemote} />
      <div className="sent-actions" role="group" aria-label="Message actions">
        <button type="button" className="button-secondary" onClick={() => props.onCompose('reply')}>
          Reply
        </button>
        <button type="button" className="button-secondary" onClick={() => props.onCompose('reply-all')}>
          Reply all
        </button>
        <button type="button" className="button-secondary" onClick={() => props.onCompose('forward')}>
          Forward
        </button>
        {needsAccount ? (
          <button type="button" className="button-primary" onClick={props.onOpenAccount}>
            Open Accounts
          </button>
        ) : null}
        {message.status !== 'sent' ? (
          <button type="button" className={needsAccount ? 'button-secondary' : 'button-primary'} onClick={props.onRetry}>
            Retry
          </button>
        ) : null}
        <button type="button" className="button-quiet" onClick={() => props.onCompose('copy')}>
          Open in composer
        </button>
      </div>
      {message.replyThreading.atVendor || !message.replyThreading.note ? null : <p className="sent-thread-note">{message.replyThreading.note}</p>}
    </article>
  );
}
