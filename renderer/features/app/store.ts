import { create } from 'zustand';
import type { AppInfo, Notice } from '../../../shared/ipc.js';
import type { Failure } from '../../../shared/result.js';
import { bridge } from '../../lib/bridge.js';

// State
/** The screen in the main area; the sidebar switches it. */
/** `compose` is the composer, or the welcome page while no account is connected. */
export type View = 'compose' | 'outbox' | 'accounts' | 'sent' | 'settings' | 'templates';

export interface AppState {
  info: AppInfo | null;
  loadError: string | null;
  notices: Notice[];
  view: View;
  /** Bumped by "Find in the Sent view": the Sent view focuses its search box each time. */
  findRequests: number;
  /** Bumped by "New message" while no account exists: the first-start choices take focus and say why. */
  writeAsked: number;
}

// Pure updates
export const initialAppState: AppState = { info: null, loadError: null, notices: [], view: 'compose', findRequests: 0, writeAsked: 0 };

export function withInfo(state: AppState, info: AppInfo): AppState {
  return { ...state, info, loadError: null };
}

export function withLoadError(state: AppState, error: Failure): AppState {
  return { ...state, loadError: error.message };
}

export function withNotices(state: AppState, notices: Notice[]): AppState {
  return { ...state, notices };
}

export function withView(state: AppState, view: View): AppState {
  return { ...state, view };
}

// Actions
interface AppActions {
  navigate(view: View): void;
  /** Opens the Sent view with its search box focused. */
  findInSent(): void;
  /** "New message" with no account: shows the first-start choices and says what to do first. */
  askFirstAccount(): void;
  load(): Promise<void>;
  dismissNotice(id: string): Promise<void>;
  /** Follows main's notices until the returned function is called. */
  listen(): () => void;
}

export const useAppStore = create<AppState & AppActions>()((set) => ({
  ...initialAppState,
  navigate: (view) => set((state) => withView(state, view)),
  findInSent: () => set((state) => ({ ...withView(state, 'sent'), findRequests: state.findRequests + 1 })),
  askFirstAccount: () => set((state) => ({ ...withView(state, 'compose'), writeAsked: state.writeAsked + 1 })),
  async load() {
    const mailer = bridge();
    const [info, notices] = await Promise.all([mailer.app.info(), mailer.notices.list()]);
    set((state) => {
      let next: AppState = info.ok ? withInfo(state, info.value) : withLoadError(state, info.error);
      if (notices.ok) next = withNotices(next, notices.value);
      return next;
    });
  },
  async dismissNotice(id) {
    const result = await bridge().notices.dismiss({ id });
    if (result.ok) set((state) => withNotices(state, result.value));
  },
  listen() {
    return bridge().on('notices:changed', (notices) => set((state) => withNotices(state, notices)));
  },
}));

// Selectors
export const selectInfo = (state: AppState) => state.info;
export const selectLoadError = (state: AppState) => state.loadError;
export const selectNotices = (state: AppState) => state.notices;
export const selectView = (state: AppState) => state.view;
