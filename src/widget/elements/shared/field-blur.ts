/**
 * A field's blur listener that stands aside when the blur is the press of a button of the
 * field's own form: its submit button or another of its actions ("Numarayı değiştir"). A field
 * shows its error once left (blur); that error pushes the buttons below it down while the
 * finger or mouse is still on one, so the release lands beside it and the press is lost: on a
 * phone, tapping "Aracımı bul" after a wrong serial showed that error and did nothing else, and
 * "Numarayı değiştir" under the focused, empty SMS code field said "enter the code" instead of
 * going back. A submit that follows shows every error and focuses the first; the other buttons
 * lead away from the field, where its error is not wanted.
 *
 * Browsers that do not focus a pressed button (Safari) give no `relatedTarget` and keep the
 * plain blur.
 */
export function blurUnlessSubmitting(handler: (event: FocusEvent) => void): (event: FocusEvent) => void {
  return (event) => {
    if (!pressesOwnFormButton(event)) handler(event);
  };
}

function pressesOwnFormButton(event: FocusEvent): boolean {
  const next = event.relatedTarget;
  const field = event.target as HTMLInputElement | HTMLSelectElement | null;
  return next instanceof HTMLButtonElement && next.form !== null && next.form === field?.form;
}
