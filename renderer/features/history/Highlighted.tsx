import type { TextSegment } from '../../../shared/history.js';

/** Search text with its matched words marked; pieces are React text, never parsed as HTML. */
export function Highlighted(props: { segments: TextSegment[] }) {
  return (
    <>
      {props.segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}
