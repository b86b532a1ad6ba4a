import { openBenchHistory } from './history-store.js';

/**
 * Child process of the history bench: opens the generated 50k history the way main does and
 * plays a Sent-view session — 40 pages of threads (2,000 rows), 20 threads opened, searches and
 * suggestions — then prints `{"rssMb": …}`, its peak RSS. Alone in its process so the
 * generator's memory in the parent never counts. argv: the data folder.
 */
const [dataDir = ''] = process.argv.slice(2);
const clock = () => Date.now();
const { storage, history } = openBenchHistory(dataDir, clock);

let peak = process.memoryUsage().rss;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
let cursor: string | undefined;
const opened: string[] = [];
for (let page = 0; page < 40; page++) {
  const result = history.threads({ limit: 50, ...(cursor ? { cursor } : {}) });
  if (page % 2 === 0) opened.push(result.threads[0]!.id);
  cursor = result.nextCursor ?? undefined;
  sample();
}
for (const id of opened) {
  history.thread(id);
  sample();
}
for (const query of ['invoice', 'the', 'pay', 'payment sched', 'customer', 'report', 'order', 'support', 'ma', 'example']) {
  history.search({ query, limit: 50 });
  sample();
}
for (const prefix of ['an', 'be', 'ca', 'do', 'el', 'fi', 'ga', 'he', 'io', 'ja']) {
  history.suggestRecipients(prefix, 8);
  sample();
}
storage.close();
console.log(JSON.stringify({ rssMb: sample() / (1024 * 1024) }));
