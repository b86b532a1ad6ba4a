import type { AttachmentRef } from '../../../../shared/message.js';
import { formatBytes } from '../../../../shared/capability-check.js';
import { hiddenExtension, revealBidi } from '../../../../shared/inert-text.js';
import { CloseIcon, FileTypeIcon } from '../icons.js';

/** The files attached to the message, their total against what the provider takes. */
export function AttachmentList(props: { attachments: AttachmentRef[]; limitBytes: number | null; onRemove: (token: string) => void }) {
  if (props.attachments.length === 0) return null;
  const total = props.attachments.reduce((sum, a) => sum + a.size, 0);
  const over = props.limitBytes !== null && total > props.limitBytes;
  return (
    <div className="attachments">
      <ul className="attachment-list" aria-label="Attachments">
        {props.attachments.map((file) => (
          <li key={file.token} className="attachment">
            <span className="attachment-icon" aria-hidden="true">
              <FileTypeIcon mimeType={file.mimeType} />
            </span>
            <span className="attachment-name">{revealBidi(file.filename)}</span>
            <HiddenType filename={file.filename} />
            <span className="attachment-size">{formatBytes(file.size)}</span>
            <button type="button" className="chip-remove" aria-label={`Remove attachment ${revealBidi(file.filename)}`} onClick={() => props.onRemove(file.token)}>
              <CloseIcon />
            </button>
          </li>
        ))}
      </ul>
      <p className={`attachment-total${over ? ' field-error' : ''}`}>
        {formatBytes(total)}
        {props.limitBytes !== null ? ` of ${formatBytes(props.limitBytes)}` : ''}
      </p>
    </div>
  );
}

/** Beside a name whose direction controls make it look like another type: what the file really is. */
function HiddenType(props: { filename: string }) {
  const extension = hiddenExtension(props.filename);
  if (extension === null) return null;
  return (
    <span className="attachment-warning" role="note">
      {extension ? `Its name hides its type: this is a .${extension} file.` : 'Its name holds direction controls that disguise it.'}
    </span>
  );
}
