import { useMemo } from 'react';
import { buildFrameDocument } from './frame-document.js';

/**
 * A sent message's HTML in a frame that can run nothing: `sandbox` with no allowances (no
 * scripts, no same-origin, no forms, popups or navigation of the app), its own CSP, and remote
 * images held back until the person allows them for this message.
 */
export function MessageFrame(props: { html: string; title: string; allowRemote: boolean }) {
  const frame = useMemo(() => buildFrameDocument(props.html, props.allowRemote), [props.html, props.allowRemote]);
  // Without same-origin the app cannot measure the frame; a height from the text's length keeps short mail short.
  const lines = Math.min(40, Math.max(4, Math.ceil(props.html.replace(/<[^>]*>/g, '').length / 90) + (props.html.match(/<(p|br|div|li|tr|h\d)\b/gi)?.length ?? 0)));
  return <iframe className="sent-frame" title={props.title} sandbox="" referrerPolicy="no-referrer" srcDoc={frame.srcdoc} style={{ height: `${lines * 1.6 + 2}em` }} />;
}

/** How many remote images a message holds, for the "Show remote images" offer. */
export function useRemoteImageCount(html: string): number {
  return useMemo(() => buildFrameDocument(html, false).remoteImages, [html]);
}
