/**
 * Focuses what the customer must look at next, with a form field's label in view. Focusing a
 * control scrolls only the control itself to the top edge (or just below a sticky header's
 * scroll-padding), so after "Doğrulama kodu gönder" with a wrong TCKN the customer saw a red
 * box and its error with "T.C. kimlik numarası" above the screen. The whole field (label, hint,
 * control, error) is scrolled into view first; anything else (a heading) just takes focus.
 */
export function focusField(target: HTMLElement | null | undefined): void {
  if (!target) return;
  const field = target.closest('.field');
  if (!field) {
    target.focus();
    return;
  }
  field.scrollIntoView({ block: 'nearest' });
  target.focus({ preventScroll: true });
}
