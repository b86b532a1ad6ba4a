import { create } from 'zustand';
import type { Failure } from '../../../shared/result.js';
import { templatesFor, type Template, type TemplateSave } from '../../../shared/templates.js';
import { bridge } from '../../lib/bridge.js';
import { createFreshness } from '../../lib/freshness.js';
import { dismissToast, showToast } from '../toasts/index.js';

// State
/** Which ones the Templates screen lists: all, those for every account, or those offered for one account. */
export type TemplatesFilter = { kind: 'all' } | { kind: 'every-account' } | { kind: 'account'; accountId: string };

/** One being edited (or written, without id) on the Templates screen: what the fields show, kept until saved or closed. */
export type TemplateEdit = TemplateSave;

export interface TemplatesState {
  templates: Template[];
  loaded: boolean;
  loadError: string | null;
  /** What the last action could not do, as a sentence with what to do next. */
  actionError: string | null;
  filter: TemplatesFilter;
  renamingId: string | null;
  /** The refusal of the last rename (a name already used), shown under its field. */
  renameError: string | null;
  editing: TemplateEdit | null;
  editError: string | null;
  saving: boolean;
  /** The last one deleted, offered back by the toast's Undo. */
  deleted: Template | null;
}

// Pure updates
export const initialTemplatesState: TemplatesState = {
  templates: [],
  loaded: false,
  loadError: null,
  actionError: null,
  filter: { kind: 'all' },
  renamingId: null,
  renameError: null,
  editing: null,
  editError: null,
  saving: false,
  deleted: null,
};

export function withTemplates(state: TemplatesState, templates: Template[]): TemplatesState {
  // An edit whose template went away elsewhere stays open: saving it says so, and nothing typed is lost.
  const renamingId = templates.some((t) => t.id === state.renamingId) ? state.renamingId : null;
  return { ...state, templates, loaded: true, loadError: null, renamingId };
}

export function visibleTemplates(templates: readonly Template[], filter: TemplatesFilter): Template[] {
  if (filter.kind === 'all') return [...templates];
  if (filter.kind === 'every-account') return templates.filter((t) => t.accountId === null);
  return templatesFor(templates, filter.accountId);
}

export function editOf(template: Template): TemplateEdit {
  const { createdAt: _created, updatedAt: _updated, ...edit } = template;
  return edit;
}

// Actions
interface TemplatesActions {
  load(): Promise<void>;
  listen(): () => void;
  setFilter(filter: TemplatesFilter): void;
  startRename(id: string | null): void;
  rename(id: string, name: string): Promise<boolean>;
  startEdit(id: string | null): void;
  /** Opens the editor on a new, empty snippet. */
  startNewSnippet(): void;
  changeEdit(patch: Partial<TemplateSave>): void;
  saveEdit(): Promise<boolean>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  /** Saves a new template or snippet (the composer's Save as template); answers the refusal, if any. */
  create(input: TemplateSave): Promise<Failure | null>;
}

const fresh = createFreshness();

const displayName = (t: Template) => `${t.kind === 'snippet' ? 'Snippet' : 'Template'} “${t.name}”`;

export const useTemplatesStore = create<TemplatesState & TemplatesActions>()((set, get) => ({
  ...initialTemplatesState,
  async load() {
    const current = fresh.begin();
    const result = await bridge().templates.list();
    if (!current()) return;
    if (result.ok) set((state) => withTemplates(state, result.value));
    else set({ loadError: result.error.message, loaded: true });
  },
  listen() {
    return bridge().on('templates:changed', (templates) => {
      fresh.eventArrived();
      set((state) => withTemplates(state, templates));
    });
  },
  setFilter: (filter) => set({ filter }),
  startRename: (id) => set({ renamingId: id, renameError: null }),
  async rename(id, name) {
    const result = await bridge().templates.rename({ id, name });
    if (!result.ok) {
      set({ renameError: result.error.message });
      return false;
    }
    set((state) => ({ ...withTemplates(state, state.templates.map((t) => (t.id === id ? result.value : t))), renamingId: null, renameError: null }));
    return true;
  },
  startEdit(id) {
    const template = get().templates.find((t) => t.id === id);
    set({ editing: template ? editOf(template) : null, editError: null, renamingId: null });
  },
  startNewSnippet() {
    const filter = get().filter;
    const accountId = filter.kind === 'account' ? filter.accountId : null;
    set({ editing: { kind: 'snippet', name: '', accountId, subject: '', html: '', cc: [], bcc: [], attachments: [] }, editError: null, renamingId: null });
  },
  changeEdit(patch) {
    const editing = get().editing;
    if (editing) set({ editing: { ...editing, ...patch }, editError: null });
  },
  async saveEdit() {
    const editing = get().editing;
    if (!editing) return false;
    set({ saving: true });
    const result = await bridge().templates.save(editing);
    if (!result.ok) {
      set({ saving: false, editError: result.error.message });
      return false;
    }
    const saved = result.value;
    const others = get().templates.filter((t) => t.id !== saved.id);
    const list = [...others, saved].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    set((state) => ({ ...withTemplates(state, list), saving: false, editing: null, editError: null }));
    return true;
  },
  async remove(id) {
    const template = get().templates.find((t) => t.id === id);
    if (!template) return;
    set((state) => ({ templates: state.templates.filter((t) => t.id !== id), deleted: template, actionError: null, editing: state.editing?.id === id ? null : state.editing }));
    showToast({ kind: 'template-deleted', text: `${displayName(template)} deleted.`, action: { label: 'Undo', run: () => void get().undoRemove() } });
    const result = await bridge().templates.delete({ id });
    if (!result.ok) {
      dismissToast('template-deleted');
      set({ deleted: null, actionError: `${displayName(template)} could not be deleted: ${result.error.message}` });
      await get().load();
    }
  },
  async undoRemove() {
    const template = get().deleted;
    if (!template) return;
    set({ deleted: null });
    dismissToast('template-deleted');
    const result = await bridge().templates.restore({ id: template.id });
    if (!result.ok) set({ actionError: `${displayName(template)} could not be brought back: ${result.error.message}` });
    else await get().load();
  },
  async create(input) {
    const result = await bridge().templates.save(input);
    if (!result.ok) return result.error;
    await get().load();
    return null;
  },
}));

// Selectors
export const selectTemplates = (state: TemplatesState) => state.templates;
