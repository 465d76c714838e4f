/**
 * Retry gives way to the pending status, and the pending status to the result, so the button a
 * keyboard or screen-reader user pressed leaves the page and takes their focus with it. This
 * keeps their place: focus follows to the pending status, then to a new Retry (it failed again)
 * or to the element's heading — unless the element moved focus itself or the user went elsewhere.
 */
import type { ReactiveElement } from 'lit';

export async function retryKeepingFocus(button: HTMLElement, onRetry: () => void): Promise<void> {
  const root = button.getRootNode();
  onRetry();
  if (!(root instanceof ShadowRoot)) return;
  const host = root.host as Partial<ReactiveElement>;
  await host.updateComplete;
  if (!focusLost()) return;
  const pending = root.querySelector<HTMLElement>('[part~="pending"]');
  if (pending) {
    pending.focus();
    await removal(root, pending);
    await host.updateComplete;
    if (!focusLost()) return;
  }
  (root.querySelector<HTMLElement>('[part~="retry-button"]') ?? root.querySelector<HTMLElement>('[part~="heading"]'))?.focus();
}

/** Focus is nowhere: the focused element was removed (or nothing had focus). */
const focusLost = () => !document.activeElement || document.activeElement === document.body;

/** Resolves once `node` has left `root`. */
function removal(root: ShadowRoot, node: Node): Promise<void> {
  return new Promise((resolve) => {
    if (!node.isConnected) return resolve();
    const observer = new MutationObserver(() => {
      if (node.isConnected) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}
