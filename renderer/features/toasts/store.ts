import { create } from 'zustand';

// State
/** One toast of each kind at a time: a newer one of the same kind replaces the older. */
export type ToastKind = 'send' | 'draft-deleted' | 'thread-deleted' | 'undo-send' | 'template-deleted';

export interface ToastAction {
  label: string;
  run(): void;
  /** The action is offered until then (epoch ms); its button counts down to it. */
  until?: number;
}

export interface Toast {
  kind: ToastKind;
  text: string;
  tone: 'info' | 'error';
  action: ToastAction | null;
  /** The toast goes away by itself then (epoch ms); null while what it tells is still going on. */
  endsAt: number | null;
  /** What the toast is about (an outbox id), so it ends when that settles. */
  about: string | null;
}

export interface ToastsState {
  toasts: Toast[];
}

// Pure updates
export const initialToastsState: ToastsState = { toasts: [] };

export function withToast(state: ToastsState, toast: Toast): ToastsState {
  return { toasts: [...state.toasts.filter((t) => t.kind !== toast.kind), toast] };
}

export function withoutToast(state: ToastsState, kind: ToastKind): ToastsState {
  return state.toasts.some((t) => t.kind === kind) ? { toasts: state.toasts.filter((t) => t.kind !== kind) } : state;
}

/** Drops the toasts whose time is over and the actions whose window closed. */
export function expired(state: ToastsState, now: number): ToastsState {
  const live = state.toasts.filter((t) => t.endsAt === null || t.endsAt > now);
  const trimmed = live.map((t) => (t.action?.until !== undefined && t.action.until <= now ? { ...t, action: null } : t));
  const changed = live.length !== state.toasts.length || trimmed.some((t, i) => t !== live[i]);
  return changed ? { toasts: trimmed } : state;
}

// Actions
export interface ToastInput {
  kind: ToastKind;
  text: string;
  tone?: 'info' | 'error';
  action?: ToastAction | null;
  /** How long it stays (ms) when nothing else ends it; null keeps it until dismissed or replaced. */
  lastsMs?: number | null;
  about?: string | null;
}

interface ToastsActions {
  show(toast: ToastInput): void;
  dismiss(kind: ToastKind): void;
  /** Called by the host's clock. */
  expire(now: number): void;
}

/** How long a toast that tells of something done stays when nobody dismisses it. */
export const TOAST_MS = 8_000;

export const useToastsStore = create<ToastsState & ToastsActions>()((set) => ({
  ...initialToastsState,
  show(input) {
    const lasts = input.lastsMs === undefined ? TOAST_MS : input.lastsMs;
    set((state) =>
      withToast(state, {
        kind: input.kind,
        text: input.text,
        tone: input.tone ?? 'info',
        action: input.action ?? null,
        endsAt: lasts === null ? null : Date.now() + lasts,
        about: input.about ?? null,
      }),
    );
  },
  dismiss: (kind) => set((state) => withoutToast(state, kind)),
  expire: (now) => set((state) => expired(state, now)),
}));

export const selectToasts = (state: ToastsState) => state.toasts;
/** Shows a toast from outside React (stores and listeners). */
export const showToast = (toast: ToastInput) => useToastsStore.getState().show(toast);
export const dismissToast = (kind: ToastKind) => useToastsStore.getState().dismiss(kind);
