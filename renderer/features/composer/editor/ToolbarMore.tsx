import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Tool } from './Tool.js';
import type { ToolGroupSpec } from './tool-state.js';

function MoreIcon() {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="3" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="13" cy="8" r="1.4" fill="currentColor" />
    </svg>
  );
}

/** The menu items shown right now: renderer/styles/layout.css hides those whose group still fits in the toolbar. */
function shownItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')).filter((item) => item.offsetParent !== null) : [];
}

/**
 * "More formatting": the groups that do not fit a narrow composer, as a menu (the ARIA
 * menu-button pattern: arrows move, Escape closes and returns to the button).
 */
export function ToolbarMore(props: { groups: ToolGroupSpec[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) wrap.current?.querySelector<HTMLButtonElement>('button.tool-more')?.focus();
  };
  useEffect(() => {
    if (!open) return;
    // After the frame that lays the menu out, so its shown items are known.
    const frame = requestAnimationFrame(() => shownItems(menu.current)[0]?.focus());
    const outside = (event: MouseEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('mousedown', outside);
    };
  }, [open]);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = shownItems(menu.current);
    const at = items.findIndex((item) => item === document.activeElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) items[(at + step + items.length) % items.length]?.focus();
    else if (event.key === 'Home') items[0]?.focus();
    else if (event.key === 'End') items.at(-1)?.focus();
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
    // The toolbar's own arrow keys must not act on the menu.
    event.stopPropagation();
  };
  return (
    <div className="tool-more-wrap" ref={wrap}>
      <Tool label="More formatting" onClick={() => setOpen(!open)} extra={{ 'aria-haspopup': 'menu', 'aria-expanded': open, 'aria-controls': menuId, className: 'tool tool-more' }}>
        <MoreIcon />
      </Tool>
      {open ? (
        <ul ref={menu} className="tool-menu" id={menuId} role="menu" aria-label="More formatting" onKeyDown={onKeyDown}>
          {props.groups.map((group) => (
            <li key={group.id} role="none" className={`more-group more-${group.id}`}>
              <ul role="group" aria-label={group.label} className="more-items">
                {group.tools.map((tool) => (
                  <li key={tool.label} role="none">
                    <button
                      type="button"
                      role={tool.active === undefined ? 'menuitem' : 'menuitemcheckbox'}
                      aria-checked={tool.active === undefined ? undefined : tool.active}
                      className={`more-item${tool.active ? ' more-item-active' : ''}`}
                      tabIndex={-1}
                      disabled={tool.disabled}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => {
                        setOpen(false);
                        tool.run();
                      }}
                    >
                      <span className="more-icon">{tool.icon}</span>
                      <span>{tool.label}</span>
                      {tool.shortcut ? <span className="more-shortcut">{tool.shortcut}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
