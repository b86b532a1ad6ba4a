import { z } from 'zod';

// The window's policy forbids eval. Building its first object schema, zod probes for eval with
// `new Function`: the refusal is a reported policy violation, and took ~40 ms of every start.
// In jitless mode zod never probes; the window checks only small forms, where zod's compiled
// fast path buys nothing. Imported first (renderer/main.tsx), before any schema is built.
z.config({ jitless: true });
