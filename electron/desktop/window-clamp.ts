import type { Rect, SavedWindowState } from '../services/window-state/window-state-store.js';

export type { Rect, SavedWindowState };

/** What the window-state code needs of an Electron `Display`. */
export interface DisplayInfo {
  bounds: Rect;
  /** The bounds minus the taskbar, dock and menu bar. */
  workArea: Rect;
  scaleFactor: number;
}

export interface WindowSizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Less of a window than this, in either direction, cannot be grabbed and moved back. */
export const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function distanceToCentre(rect: Rect, display: DisplayInfo): number {
  const dx = rect.x + rect.width / 2 - (display.workArea.x + display.workArea.width / 2);
  const dy = rect.y + rect.height / 2 - (display.workArea.y + display.workArea.height / 2);
  return dx * dx + dy * dy;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

function centred(width: number, height: number, area: Rect): Rect {
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
}

function fit(size: number, min: number, available: number): number {
  // A work area smaller than the minimum wins: a window larger than its screen cannot be used.
  return Math.round(Math.min(Math.max(size, min), available));
}

/**
 * Where to open the window so all of it is on a screen that exists now. The saved bounds
 * stay as they were when they fit inside the display showing most of them; a window
 * larger than its work area (a scale change, a smaller screen) shrinks to fit; one whose
 * display is gone, or that shows too little to be grabbed, is centred on the nearest
 * display. Maximized and full-screen flags carry over, with normal bounds on that display
 * so the window maximizes there. `displays` lists the primary display first.
 */
export function clampToDisplays(saved: SavedWindowState | null, displays: readonly DisplayInfo[], limits: WindowSizeLimits): SavedWindowState {
  const primary = displays[0];
  if (!primary) {
    // No screen reported (a headless moment): let the OS place a default-sized window.
    return { bounds: { x: 0, y: 0, width: limits.width, height: limits.height }, maximized: saved?.maximized ?? false, fullScreen: false };
  }
  if (!saved) {
    const area = primary.workArea;
    return { bounds: centred(fit(limits.width, limits.minWidth, area.width), fit(limits.height, limits.minHeight, area.height), area), maximized: false, fullScreen: false };
  }
  const ranked = displays
    .map((display) => ({ display, seen: overlap(saved.bounds, display.workArea) }))
    .sort((a, b) => b.seen.width * b.seen.height - a.seen.width * a.seen.height);
  const best = ranked[0];
  const visible = best !== undefined && best.seen.width >= MIN_VISIBLE && best.seen.height >= MIN_VISIBLE;
  const target = visible ? best.display : [...displays].sort((a, b) => distanceToCentre(saved.bounds, a) - distanceToCentre(saved.bounds, b))[0] ?? primary;
  const area = target.workArea;
  const width = fit(saved.bounds.width, limits.minWidth, area.width);
  const height = fit(saved.bounds.height, limits.minHeight, area.height);
  const bounds = visible
    ? { x: Math.round(clamp(saved.bounds.x, area.x, area.x + area.width - width)), y: Math.round(clamp(saved.bounds.y, area.y, area.y + area.height - height)), width, height }
    : centred(width, height, area);
  return { bounds, maximized: saved.maximized, fullScreen: saved.fullScreen };
}

/**
 * Names a set of displays, so a laptop remembers one window place on its own screen and
 * another when docked. Order-independent; the scale is part of it because a window that
 * fits at 100 % may not at 200 %.
 */
export function displaySetKey(displays: readonly DisplayInfo[]): string {
  return displays
    .map(({ bounds: b, scaleFactor }) => `${b.x},${b.y},${b.width}x${b.height}@${scaleFactor}`)
    .sort()
    .join('|');
}
