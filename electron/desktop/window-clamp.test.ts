import { describe, expect, it } from 'vitest';
import { clampToDisplays, displaySetKey, type DisplayInfo, type SavedWindowState } from './window-clamp.js';

const limits = { width: 1180, height: 780, minWidth: 720, minHeight: 520 };
/** A display with a 25 px menu bar or taskbar at the top of its work area. */
const display = (x: number, y: number, width: number, height: number, scaleFactor = 1): DisplayInfo => ({
  bounds: { x, y, width, height },
  workArea: { x, y: y + 25, width, height: height - 25 },
  scaleFactor,
});
const laptop = display(0, 0, 1440, 900);
const external = display(1440, 0, 2560, 1440);
const saved = (x: number, y: number, width: number, height: number, flags: Partial<SavedWindowState> = {}): SavedWindowState => ({
  bounds: { x, y, width, height },
  maximized: false,
  fullScreen: false,
  ...flags,
});

describe('clampToDisplays', () => {
  it('with nothing saved, centres the default size on the primary display', () => {
    expect(clampToDisplays(null, [laptop, external], limits)).toEqual(saved(130, 73, 1180, 780));
  });

  it('restores a window that is fully on a screen exactly where it was', () => {
    expect(clampToDisplays(saved(1600, 100, 1200, 800), [laptop, external], limits)).toEqual(saved(1600, 100, 1200, 800));
    expect(clampToDisplays(saved(10, 40, 800, 600), [laptop, external], limits)).toEqual(saved(10, 40, 800, 600));
  });

  it('pulls a window that hangs off the edge back inside the work area (title bar below the menu bar)', () => {
    expect(clampToDisplays(saved(1000, -50, 800, 600), [laptop], limits)).toEqual(saved(640, 25, 800, 600));
  });

  it('centres a window that is entirely off-screen on the nearest display', () => {
    expect(clampToDisplays(saved(-3000, 200, 800, 600), [laptop, external], limits)).toEqual(saved(320, 163, 800, 600));
    // Only a sliver (less than can be grabbed) showing counts as off-screen.
    expect(clampToDisplays(saved(1400, 300, 800, 600), [laptop], limits)).toEqual(saved(320, 163, 800, 600));
  });

  it('moves a window whose display was removed onto a remaining one, keeping its size', () => {
    // Saved on the external monitor; now the laptop alone.
    expect(clampToDisplays(saved(2000, 200, 1200, 800), [laptop], limits)).toEqual(saved(120, 63, 1200, 800));
  });

  it('shrinks a window larger than its display now is (the display went to 200 %), and keeps it on that display', () => {
    const hidpi = display(1440, 0, 1280, 720, 2);
    expect(clampToDisplays(saved(1500, 50, 2400, 1300), [laptop, hidpi], limits)).toEqual(saved(1440, 25, 1280, 695));
  });

  it('never goes below the minimum size unless the screen itself is smaller', () => {
    expect(clampToDisplays(saved(100, 100, 200, 150), [laptop], limits)).toEqual(saved(100, 100, 720, 520));
    const tiny = display(0, 0, 640, 480);
    expect(clampToDisplays(saved(0, 25, 1000, 700), [tiny], limits)).toEqual(saved(0, 25, 640, 455));
  });

  it('keeps maximized and full-screen, with normal bounds on the display the window will maximize on', () => {
    expect(clampToDisplays(saved(2000, 100, 1200, 800, { maximized: true }), [laptop, external], limits)).toEqual(saved(2000, 100, 1200, 800, { maximized: true }));
    expect(clampToDisplays(saved(5000, 100, 1200, 800, { maximized: true }), [laptop, external], limits)).toEqual(saved(2120, 333, 1200, 800, { maximized: true }));
    expect(clampToDisplays(saved(100, 100, 1000, 700, { fullScreen: true }), [laptop], limits).fullScreen).toBe(true);
  });

  it('handles a display left of or above the primary one (negative coordinates)', () => {
    const left = display(-1920, -200, 1920, 1080);
    expect(clampToDisplays(saved(-1800, -150, 1000, 700), [laptop, left], limits)).toEqual(saved(-1800, -150, 1000, 700));
  });
});

describe('displaySetKey', () => {
  it('names the same displays the same way in any order, and tells scale and layout changes apart', () => {
    expect(displaySetKey([laptop, external])).toBe(displaySetKey([external, laptop]));
    expect(displaySetKey([laptop])).not.toBe(displaySetKey([laptop, external]));
    expect(displaySetKey([display(0, 0, 1440, 900, 2)])).not.toBe(displaySetKey([laptop]));
  });
});
