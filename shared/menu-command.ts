import { z } from 'zod';

/**
 * What a menu item asks the renderer to do, carried by the `menus:command` event. Editing
 * (undo, cut, paste as plain text, select all), zoom, full screen, About and Quit are not
 * here: Electron performs those itself through menu roles, so the page never has to.
 *
 * - `new-message`: open an empty composer (or focus the open one if it is empty).
 * - `send`: send the open composer's message, exactly as its Send button does (the same
 *   checks; nothing when no composer is open or a send is already under way).
 * - `save-draft`: save the open composer's draft now.
 * - `find-sent`: show the Sent view and put the focus in its search field.
 * - `settings`: show the Settings view (Preferences / Settings, Ctrl+, or ⌘,).
 */
export const menuCommandSchema = z.enum(['new-message', 'send', 'save-draft', 'find-sent', 'settings']);
export type MenuCommand = z.infer<typeof menuCommandSchema>;
