// The runtime libraries Vite bundles into dist/renderer and dist-electron. They are
// devDependencies like every other package: electron-builder copies `dependencies` into
// app.asar, beside the bundle that already holds them (99 packages, 33.6 MB for nothing).
// Shipped code may import these and no other devDependency (.dependency-cruiser.cjs);
// electron/packaging/packaged-files.test.ts checks they stay devDependencies.
module.exports = [
  '@tiptap/extension-text-align',
  '@tiptap/extensions',
  '@tiptap/pm',
  '@tiptap/react',
  '@tiptap/starter-kit',
  'conf',
  'dompurify',
  'electron-store',
  'email-addresses',
  'html-to-text',
  'react',
  'react-dom',
  'zod',
  'zustand',
];
