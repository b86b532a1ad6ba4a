/* eslint-disable security/detect-non-literal-fs-filename -- the file lives in the data folder main passes in; no path comes from the renderer. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A rectangle in device-independent pixels, as Electron's screen module reports them. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window as it was left: its normal (not maximized) bounds and whether it was maximized or full screen. */
export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
/** Display sets remembered; a laptop moved between a few desks needs no more. */
export const MAX_DISPLAY_SETS = 8;

const rectSchema = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().positive(), height: z.number().positive() });
const savedSchema = z.object({ bounds: rectSchema, maximized: z.boolean(), fullScreen: z.boolean() });
const fileSchema = z.object({
  version: z.literal(1),
  /** The display set saved to last, used when the current set has no entry of its own. */
  last: z.string().nullable(),
  sets: z.record(z.string(), z.object({ state: savedSchema, savedAt: z.number() })),
});
type WindowStateFile = z.infer<typeof fileSchema>;

/** Where the window was, per set of displays (see displaySetKey). */
export interface WindowStateStore {
  /** The state saved for this display set, else the last one saved anywhere, else null. */
  load(displaySet: string): SavedWindowState | null;
  save(displaySet: string, state: SavedWindowState): void;
}

export interface WindowStateStoreOptions {
  dir: string;
  now?: () => number;
  /**
   * A file that cannot be read only costs the window its place (it opens at the default
   * size and the next save replaces the file), so this is for the log, not a notice.
   */
  onDamaged?: (reason: string) => void;
}

export function openWindowStateStore(options: WindowStateStoreOptions): WindowStateStore {
  const file = path.join(options.dir, WINDOW_STATE_FILE);
  const now = options.now ?? Date.now;
  let data: WindowStateFile = { version: 1, last: null, sets: {} };
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) data = parsed.data;
    else options.onDamaged?.(`${WINDOW_STATE_FILE} does not hold window positions; the window opens at its default size.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onDamaged?.(`${WINDOW_STATE_FILE} could not be read; the window opens at its default size.`);
  }
  return {
    load(displaySet) {
      const entry = data.sets[displaySet] ?? (data.last ? data.sets[data.last] : undefined);
      return entry ? structuredClone(entry.state) : null;
    },
    save(displaySet, state) {
      const checked = savedSchema.parse(state);
      const sets = { ...data.sets, [displaySet]: { state: checked, savedAt: now() } };
      const kept = Object.entries(sets)
        .sort(([, a], [, b]) => b.savedAt - a.savedAt)
        .slice(0, MAX_DISPLAY_SETS);
      data = { version: 1, last: displaySet, sets: Object.fromEntries(kept) };
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      // Write then rename, so a crash mid-write leaves the old file rather than half a new one.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
