/** Which rows of a fixed-height list to render: the ones in view plus `margin` either side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, margin = 8): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - margin);
  const end = Math.min(count, first + inView + margin);
  return { start, end: Math.max(start, end) };
}

/** Whether the person scrolled close enough to the end that the next page should be asked for. */
export function nearEnd(end: number, count: number, ahead = 30): boolean {
  return count - end <= ahead;
}
