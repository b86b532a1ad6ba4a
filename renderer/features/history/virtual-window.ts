/**
 * Rows enter and leave the page this many at a time: scrolling within a block changes nothing
 * React renders, so most scroll events cost the browser a composited scroll and no script.
 */
export const BLOCK_ROWS = 8;

/** Which block of rows the top of the viewport is in. */
export function blockOf(scrollTop: number, rowHeight: number, blockRows = BLOCK_ROWS): number {
  return Math.floor(Math.max(0, scrollTop) / rowHeight / blockRows);
}

/**
 * Which rows of a fixed-height list to render while the viewport's top is in `block`: a block
 * above it, and below it enough to fill the viewport from anywhere in the block, plus a block.
 */
export function blockRange(block: number, viewportHeight: number, rowHeight: number, count: number, blockRows = BLOCK_ROWS): { start: number; end: number } {
  const first = block * blockRows;
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(count, Math.max(0, first - blockRows));
  const end = Math.min(count, first + blockRows + inView + blockRows);
  return { start, end: Math.max(start, end) };
}

/** Whether the person scrolled close enough to the end that the next page should be asked for. */
export function nearEnd(end: number, count: number, ahead = 30): boolean {
  return count - end <= ahead;
}
