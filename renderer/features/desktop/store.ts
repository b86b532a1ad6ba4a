import { create } from 'zustand';
import type { MailClientStatus } from '../../../shared/mail-client.js';
import type { Result } from '../../../shared/result.js';
import type { SpellcheckStatus } from '../../../shared/spellcheck.js';
import { bridge } from '../../lib/bridge.js';

// State
/** The desktop settings: the "Default mail app" (in the platform's words) and the spellcheck languages. */
export interface DesktopState {
  mailClient: MailClientStatus | null;
  busy: boolean;
  /** Why the last request failed, as a sentence that says what to do. */
  error: string | null;
  spellcheck: SpellcheckStatus | null;
  spellcheckBusy: boolean;
  /** Why the last spellcheck change failed; the languages shown stay the ones in use. */
  spellcheckError: string | null;
}

// Pure updates
export const initialDesktopState: DesktopState = { mailClient: null, busy: false, error: null, spellcheck: null, spellcheckBusy: false, spellcheckError: null };

export function withMailClientAnswer(state: DesktopState, result: Result<MailClientStatus>): DesktopState {
  if (result.ok) return { ...state, mailClient: result.value, busy: false, error: null };
  return { ...state, busy: false, error: result.error.message };
}

export function withSpellcheckAnswer(state: DesktopState, result: Result<SpellcheckStatus>): DesktopState {
  if (result.ok) return { ...state, spellcheck: result.value, spellcheckBusy: false, spellcheckError: null };
  return { ...state, spellcheckBusy: false, spellcheckError: result.error.message };
}

/** The chosen languages with `tag` ticked or unticked; ticking past `max` changes nothing. */
export function toggledLanguage(chosen: readonly string[], tag: string, max: number): string[] {
  if (chosen.includes(tag)) return chosen.filter((t) => t !== tag);
  return chosen.length >= max ? [...chosen] : [...chosen, tag];
}

/** The choice shown at once, before main answers with the languages in use. */
export function withChosenLanguages(status: SpellcheckStatus, chosen: string[]): SpellcheckStatus {
  return { ...status, chosen };
}

// Actions
interface DesktopActions {
  load(): Promise<void>;
  /** Makes Composer the default mail app (on Windows: opens Settings, where the person chooses). */
  makeDefault(): Promise<void>;
  loadSpellcheck(): Promise<void>;
  /** Ticks or unticks one spellcheck language; the choice is kept at once. */
  toggleLanguage(tag: string): Promise<void>;
  /** Clears the choice: spelling follows the system's languages again. */
  followSystemLanguages(): Promise<void>;
}

export const useDesktopStore = create<DesktopState & DesktopActions>()((set, get) => {
  // Changes go out one at a time, in the order clicked; the page shows each choice at once.
  let queue = Promise.resolve();
  let latest = 0;
  const setLanguages = (languages: string[]) => {
    const status = get().spellcheck;
    if (!status) return Promise.resolve();
    set({ spellcheck: withChosenLanguages(status, languages), spellcheckBusy: true, spellcheckError: null });
    const request = ++latest;
    queue = queue.then(async () => {
      const result = await bridge().spellcheck.set({ languages });
      // An earlier answer would put back a choice already changed again; a refusal always shows.
      if (request !== latest && result.ok) return;
      set((state) => withSpellcheckAnswer(state, result));
      if (!result.ok) await get().loadSpellcheck();
    });
    return queue;
  };
  return {
    ...initialDesktopState,
    async load() {
      const result = await bridge().mailClient.status();
      set((state) => withMailClientAnswer(state, result));
    },
    async makeDefault() {
      if (get().busy) return;
      set({ busy: true, error: null });
      const result = await bridge().mailClient.makeDefault();
      set((state) => withMailClientAnswer(state, result));
    },
    async loadSpellcheck() {
      const result = await bridge().spellcheck.status();
      // Keep a refusal's sentence on screen while showing the languages actually in use.
      set((state) => (result.ok ? { spellcheck: result.value } : withSpellcheckAnswer(state, result)));
    },
    async toggleLanguage(tag) {
      const status = get().spellcheck;
      if (status) await setLanguages(toggledLanguage(status.chosen, tag, status.max));
    },
    async followSystemLanguages() {
      await setLanguages([]);
    },
  };
});

// Selectors
export const selectMailClient = (state: DesktopState) => state.mailClient;
export const selectSpellcheck = (state: DesktopState) => state.spellcheck;
