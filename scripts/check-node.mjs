// Fails the install early, with a sentence, on a Node too old for electron-store 12 and Vite 8.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Composer needs Node 22.12 or newer (found ${process.versions.node}). Run \`. scripts/node24.sh\` first.`);
  process.exit(1);
}
