import { create } from 'zustand';
import type { MailClientStatus } from '../../../shared/mail-client.js';
import type { Result } from '../../../shared/result.js';
import { bridge } from '../../lib/bridge.js';

// State
/** The "Default mail app" setting: where things stand, in the platform's words. */
export interface DesktopState {
  mailClient: MailClientStatus | null;
  busy: boolean;
  /** Why the last request failed, as a sentence that says what to do. */
  error: string | null;
}

// Pure updates
export const initialDesktopState: DesktopState = { mailClient: null, busy: false, error: null };

export function withMailClientAnswer(state: DesktopState, result: Result<MailClientStatus>): DesktopState {
  if (result.ok) return { ...state, mailClient: result.value, busy: false, error: null };
  return { ...state, busy: false, error: result.error.message };
}

// Actions
interface DesktopActions {
  load(): Promise<void>;
  /** Makes Composer the default mail app (on Windows: opens Settings, where the person chooses). */
  makeDefault(): Promise<void>;
}

export const useDesktopStore = create<DesktopState & DesktopActions>()((set, get) => ({
  ...initialDesktopState,
  async load() {
    const result = await bridge().mailto.status();
    set((state) => withMailClientAnswer(state, result));
  },
  async makeDefault() {
    if (get().busy) return;
    set({ busy: true, error: null });
    const result = await bridge().mailto['make-default']();
    set((state) => withMailClientAnswer(state, result));
  },
}));

// Selectors
export const selectMailClient = (state: DesktopState) => state.mailClient;
