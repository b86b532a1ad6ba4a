import type { RequestPreview } from '../../../../shared/preview.js';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * What the vendor will receive: the request the account's adapter builds for this message
 * (the same code that sends it), secrets masked, files as name/size/hash, and what the vendor
 * cannot carry marked as dropped.
 */
export function RequestPreviewPanel(props: { preview: RequestPreview; vendor: string; onClose(): void }) {
  const { preview } = props;
  return (
    <section className="request-preview" aria-label="Request preview">
      <header className="request-preview-head">
        <h2>What {props.vendor} will receive</h2>
        <button type="button" className="link-button" onClick={props.onClose}>
          Close preview
        </button>
      </header>
      {preview.dropped.length > 0 ? (
        <ul className="request-dropped" aria-label="Dropped by this vendor">
          {preview.dropped.map((d) => (
            <li key={d.field}>
              <strong>{d.field} — dropped:</strong> {d.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="request-line">
        <code>
          {preview.method} {preview.url}
        </code>
      </p>
      {preview.headers.length > 0 ? (
        <table className="request-headers" aria-label="Headers">
          <tbody>
            {preview.headers.map((h) => (
              <tr key={h.name}>
                <th scope="row">{h.name}</th>
                <td>
                  {h.value}
                  {h.masked ? <span className="request-masked"> (secret, masked)</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.body.kind === 'json' ? (
        <pre className="request-body" aria-label="Body">
          {preview.body.text}
        </pre>
      ) : (
        <ul className="request-parts" aria-label="Body parts">
          {preview.body.parts.map((part, i) => (
            <li key={`${part.name}-${i}`}>
              <code>{part.name}</code>:{' '}
              {part.file ? `file ${part.file.filename}, ${size(part.file.size)}, sha256 ${part.file.sha256}` : <span className="request-value">{part.value}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
