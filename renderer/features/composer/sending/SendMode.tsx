export interface SendModeProps {
  recipients: number;
  individually: boolean;
  copies: 'each' | 'none';
  hasCopies: boolean;
  onIndividually(on: boolean): void;
  onCopies(copies: 'each' | 'none'): void;
}

/**
 * Send individually: each To recipient gets a message of their own (merge fields filled for
 * them), and the person chooses whether Cc/Bcc go on every one of them or on none.
 */
export function SendMode(props: SendModeProps) {
  const n = props.recipients;
  return (
    <fieldset className="send-mode" aria-label="How this message goes out">
      <label className="send-mode-option">
        <input type="checkbox" checked={props.individually} onChange={(event) => props.onIndividually(event.target.checked)} />
        Send individually
      </label>
      <span className="send-mode-note">
        {props.individually
          ? `${n} separate ${n === 1 ? 'message' : 'messages'}, one per To recipient; no one sees the others.`
          : `One message; every recipient sees the others in To.`}
      </span>
      {props.individually && props.hasCopies ? (
        <span role="radiogroup" aria-label="Cc and Bcc" className="send-mode-copies">
          <label>
            <input type="radio" name="send-copies" checked={props.copies === 'each'} onChange={() => props.onCopies('each')} />
            Cc/Bcc on each message
          </label>
          <label>
            <input type="radio" name="send-copies" checked={props.copies === 'none'} onChange={() => props.onCopies('none')} />
            No Cc/Bcc
          </label>
        </span>
      ) : null}
    </fieldset>
  );
}
