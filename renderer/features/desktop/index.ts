/** The desktop settings as the app sees them. */
export { DefaultMailApp } from './DefaultMailApp.js';
export { SpellcheckLanguages } from './SpellcheckLanguages.js';
