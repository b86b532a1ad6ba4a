import { afterEach, describe, expect, it } from 'vitest';
import { composeOpenFromMailto } from '../../../shared/compose-open.js';
import type { EditorLink } from './editor-link.js';
import { composerIsPristine, flushDraft, initialComposerState, requestSend, useComposerStore } from './store.js';

/** An editor as the mounted composer lends it, recording what the store asked of it. */
function lentEditor(blank = true) {
  const asked: string[] = [];
  const link: EditorLink = {
    flush: async () => {
      asked.push('flush');
    },
    touch: () => asked.push('touch'),
    saveAsCopy: async () => {
      asked.push('saveAsCopy');
    },
    isBlank: () => blank,
    send: () => asked.push('send'),
  };
  return { link, asked };
}

afterEach(() => useComposerStore.setState({ ...initialComposerState, editor: null }));

describe('the editor the mounted composer lends the store', () => {
  it('is what the menu’s Send and a save before quitting reach; with no composer open they do nothing', async () => {
    await expect(flushDraft()).resolves.toBeUndefined();
    requestSend();
    const { link, asked } = lentEditor();
    const withdraw = useComposerStore.getState().lendEditor(link);
    requestSend();
    await flushDraft();
    expect(asked).toEqual(['send', 'flush']);
    withdraw();
    requestSend();
    expect(asked).toEqual(['send', 'flush']);
  });

  it('stays lent while messages are opened, and a mailto: message is kept as a draft through it', async () => {
    const { link, asked } = lentEditor();
    useComposerStore.getState().lendEditor(link);
    await useComposerStore.getState().open(composeOpenFromMailto('mailto:ann@x.io?subject=Hi'), { keep: true });
    await useComposerStore.getState().startNew();
    expect(useComposerStore.getState().editor).toBe(link);
    expect(asked).toEqual(['flush', 'touch', 'flush']);
  });

  it('a composer that mounts after another withdrew keeps its own: an old withdraw does not take the new one back', () => {
    const first = lentEditor();
    const second = lentEditor();
    const withdrawFirst = useComposerStore.getState().lendEditor(first.link);
    useComposerStore.getState().lendEditor(second.link);
    withdrawFirst();
    requestSend();
    expect(second.asked).toEqual(['send']);
    expect(first.asked).toEqual([]);
  });

  it('tells whether anything was written: a blank editor leaves the composer pristine, text in it does not', () => {
    expect(composerIsPristine()).toBe(true);
    useComposerStore.getState().lendEditor(lentEditor(false).link);
    expect(composerIsPristine()).toBe(false);
  });
});
