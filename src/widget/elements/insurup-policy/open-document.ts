/**
 * Opens a document link (absolute, signed, short-lived, no token needed) in a new tab. Answers
 * false when a popup blocker stopped it, so the caller can show the link instead.
 */
export function openInNewTab(url: string): boolean {
  const opened = window.open(url, '_blank');
  if (!opened) return false;
  try {
    // The document must not be able to navigate this page (reverse tabnabbing).
    opened.opener = null;
  } catch {
    // cross-origin already: nothing to cut
  }
  return true;
}
