/**
 * Keeps a list fed both by a request and by change events in step. An answer to a request
 * made before the latest event may describe an older state (main read it before the change
 * the event announced), so it is dropped instead of overwriting the newer list.
 */
export function createFreshness() {
  let events = 0;
  return {
    /** Call for every change event. */
    eventArrived(): void {
      events += 1;
    },
    /** Call when a request starts; the returned check says whether its answer is still current. */
    begin(): () => boolean {
      const at = events;
      return () => at === events;
    },
  };
}
