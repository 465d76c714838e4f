/**
 * Opens a document link (signed, short-lived, needs no token) in a new tab. The opener link is
 * cut at once, so the document's page cannot reach back into the agency's page. Answers false
 * when the browser blocked the tab; the caller then shows the link to tap instead.
 */
export function openInNewTab(url: string): boolean {
  const opened = window.open(url, '_blank');
  if (!opened) return false;
  try {
    opened.opener = null;
  } catch {
    // a browser that already severed it
  }
  return true;
}
