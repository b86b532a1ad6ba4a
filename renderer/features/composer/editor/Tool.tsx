import { createContext, useContext, type KeyboardEvent, type ReactNode } from 'react';

/** Which tool holds the toolbar's one Tab stop (the last one focused), and how to move it. */
export const RovingStop = createContext<{ current: string; focused(label: string): void }>({ current: '', focused: () => undefined });

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/** Arrow keys, Home and End move between the enabled, shown tools, as in any toolbar. */
export function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const move = MOVES[event.key];
  if (!move) return;
  const tools = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button.tool:not(:disabled)')).filter((tool) => tool.offsetParent !== null);
  const at = tools.findIndex((tool) => tool === document.activeElement);
  if (at < 0 || tools.length === 0) return;
  event.preventDefault();
  tools[move(at, tools.length)]?.focus();
}

export function Tool(props: { label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode; extra?: Record<string, string | boolean> }) {
  const title = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  const stop = useContext(RovingStop);
  return (
    <button
      type="button"
      className={`tool${props.active ? ' tool-active' : ''}`}
      aria-label={props.label}
      tabIndex={stop.current === props.label ? 0 : -1}
      onFocus={() => stop.focused(props.label)}
      aria-pressed={props.active === undefined ? undefined : props.active}
      title={title}
      disabled={props.disabled}
      // Keeps the editor's selection: a click on the toolbar must not blur the text it formats.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
      {...props.extra}
    >
      {props.children}
    </button>
  );
}

