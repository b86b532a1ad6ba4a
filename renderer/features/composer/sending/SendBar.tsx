import { SendLater } from './SendLater.js';

export interface SendBarProps {
  /** Why Send is not possible yet; null when it is. */
  blocker: string | null;
  /** Set when Send was pressed while blocked: the reason is announced and stands out. */
  refused: { text: string; seq: number } | null;
  sending: boolean;
  /** Why files cannot be attached through this account; null when they can. */
  attachRefusal: string | null;
  onSend(sendAt?: string): void;
  onAttach(): void;
  /** Shows the request the vendor would receive; null when no account is chosen. */
  onPreview: (() => void) | null;
}

/** Send, Send later and Attach files, with the reason Send is disabled beside them. */
export function SendBar(props: SendBarProps) {
  const cannotSend = props.blocker !== null || props.sending;
  return (
    <footer className="composer-footer">
      <button type="button" className="button-primary" onClick={() => props.onSend()} disabled={cannotSend} aria-describedby="send-reason" title="Ctrl+Enter">
        {props.sending ? 'Sending…' : 'Send'}
      </button>
      <SendLater disabled={cannotSend} onSchedule={(iso) => props.onSend(iso)} />
      <button type="button" className="button-secondary" onClick={props.onAttach} disabled={props.attachRefusal !== null} title={props.attachRefusal ?? 'Attach files'}>
        Attach files
      </button>
      {props.onPreview ? (
        <button type="button" className="button-secondary" onClick={props.onPreview} title="The exact request the vendor would receive, secrets masked">
          Preview request
        </button>
      ) : null}
      <p id="send-reason" className={`send-reason${props.refused ? ' send-reason-refused' : ''}`}>
        {props.blocker ?? props.attachRefusal ?? ''}
      </p>
      {/* Keyed by attempt, so pressing Send again says the reason again. */}
      <p className="sr-only" role="alert" key={props.refused?.seq ?? 0}>
        {props.refused ? `Not sent: ${props.refused.text}` : ''}
      </p>
    </footer>
  );
}
