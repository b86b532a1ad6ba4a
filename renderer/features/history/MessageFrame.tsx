import { useMemo } from 'react';
import { remoteImageCount } from '../../../shared/frame-html.js';
import { FRAME_PATH } from '../../../shared/message-frame.js';

/**
 * A sent message's HTML in a frame that can run nothing: `sandbox` with no allowances (no
 * scripts, no same-origin, no forms, popups or navigation of the app), remote images held back
 * until the person allows them for this message. Main serves the document from the app's own
 * origin under a policy of its own (shared/message-frame.ts) — not srcdoc, which would inherit
 * the window's policy and refuse the inline styles the composer itself writes.
 */
export function MessageFrame(props: { messageId: string; html: string; title: string; allowRemote: boolean }) {
  // Without same-origin the app cannot measure the frame; a height from the text's length keeps short mail short.
  const lines = Math.min(40, Math.max(4, Math.ceil(props.html.replace(/<[^>]*>/g, '').length / 90) + (props.html.match(/<(p|br|div|li|tr|h\d)\b/gi)?.length ?? 0)));
  const src = `${FRAME_PATH}${encodeURIComponent(props.messageId)}${props.allowRemote ? '/remote' : ''}`;
  return <iframe className="sent-frame" title={props.title} sandbox="" referrerPolicy="no-referrer" src={src} style={{ height: `${lines * 1.6 + 2}em` }} />;
}

/** How many remote images a message holds, for the "Show remote images" offer. */
export function useRemoteImageCount(html: string): number {
  return useMemo(() => remoteImageCount(html), [html]);
}
