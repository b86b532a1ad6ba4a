import { formatBytes } from '../../../../shared/capability-check.js';
import { revealBidi } from '../../../../shared/inert-text.js';
import { useComposerStore } from '../store.js';

/** A picked file still on its way in (the browser harness uploads it): its name and how much has arrived. */
export function ArrivingFile() {
  const arriving = useComposerStore((s) => s.arriving);
  if (!arriving) return null;
  const name = revealBidi(arriving.filename);
  const percent = arriving.size === 0 ? 100 : Math.floor((arriving.received / arriving.size) * 100);
  return (
    <div className="attachment-arriving" role="status">
      <span>
        Attaching “{name}”: {formatBytes(arriving.received)} of {formatBytes(arriving.size)}
      </span>
      <progress max={100} value={percent} aria-label={`Attaching ${name}`} />
    </div>
  );
}
