import { enableCompileCache } from 'node:module';

// Node keeps what it compiles of the harness (a bundle of some 1.4 MB) in its cache folder, so
// every start after the first skips compiling it: ~35 ms of a start on this machine. Only code
// loaded after this call is cached, hence the bundle is imported here rather than bundled in.
enableCompileCache();
await import('./cli.js');
