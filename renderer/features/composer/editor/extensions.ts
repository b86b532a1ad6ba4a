import { TextAlign } from '@tiptap/extension-text-align';
import { Extension, type AnyExtension } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { isAllowedLinkUrl } from '../../../../shared/link-url.js';
import { MergeMarks } from '../merge/merge-marks.js';
import { DocumentEnds } from './document-ends.js';
import { FirstLinePlaceholder } from './placeholder.js';
import { RenderCache } from './render-cache.js';
import { SignatureNode } from './signature.js';

/**
 * Alignment drawn as a class in the editor, not a style attribute: the window's policy refuses
 * inline styles (each refusal an error in the console). The document keeps `textAlign`, and
 * the email's HTML (shared/email-html.ts) writes it as the style mail clients read.
 */
const AlignByClass = TextAlign.extend({
  addGlobalAttributes() {
    return (this.parent?.() ?? []).map((group) => ({
      ...group,
      attributes: Object.fromEntries(
        Object.entries(group.attributes).map(([name, spec]) => [
          name,
          { ...spec, renderHTML: (attributes: Record<string, unknown>) => (typeof attributes[name] === 'string' && attributes[name] !== 'left' ? { class: `align-${attributes[name]}` } : {}) },
        ]),
      ),
    }));
  },
});

/** What the editor asks of the composer around it. */
export interface EditorHooks {
  /** Ctrl/Cmd+Enter. */
  onSend(): void;
  /** Ctrl/Cmd+K. */
  onLink(): void;
}

/**
 * The composer's editor: StarterKit (marks, headings, lists, quotes, code, links, undo) plus
 * alignment, a placeholder and the signature block. Links accept http, https and mailto
 * only, typed, pasted or autolinked alike.
 */
export function composerExtensions(hooks: { current: EditorHooks }): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      // An empty paragraph kept after the signature would end every email with a blank line.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isAllowedLinkUrl(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    AlignByClass.configure({ types: ['heading', 'paragraph'] }),
    FirstLinePlaceholder.configure({ text: 'Write your message…' }),
    SignatureNode,
    MergeMarks,
    RenderCache,
    DocumentEnds,
    Extension.create({
      name: 'composerKeys',
      addKeyboardShortcuts() {
        return {
          'Mod-Enter': () => {
            hooks.current.onSend();
            return true;
          },
          'Mod-k': () => {
            hooks.current.onLink();
            return true;
          },
        };
      },
    }),
  ];
}
