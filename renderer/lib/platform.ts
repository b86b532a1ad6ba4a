/** Whether the window runs on a Mac, where shortcuts use ⌘ and ⌘↑/⌘↓ go to a text's ends. */
export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
