let mountedSend: (() => void) | null = null;

/** The mounted composer offers its Send here; the returned function withdraws it. */
export function offerSend(send: () => void): () => void {
  mountedSend = send;
  return () => {
    if (mountedSend === send) mountedSend = null;
  };
}

/**
 * Sends the open composer's message exactly as its Send button does (the same checks and
 * questions; ignored while a send is under way). Nothing happens when no composer is open.
 */
export function requestSend(): void {
  mountedSend?.();
}
