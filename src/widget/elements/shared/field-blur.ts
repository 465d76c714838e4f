/**
 * A field's blur listener that stands aside when the blur is the press of its own form's submit
 * button. A field shows its error once left (blur); that error pushes the button down while the
 * finger or mouse is still on it, so the release lands beside it and the press is lost: on a
 * phone, tapping "Aracımı bul" after a wrong serial showed that error and did nothing else. The
 * submit that follows shows every error and focuses the first, so nothing is missed.
 *
 * Browsers that do not focus a pressed button (Safari) give no `relatedTarget` and keep the
 * plain blur.
 */
export function blurUnlessSubmitting(handler: (event: FocusEvent) => void): (event: FocusEvent) => void {
  return (event) => {
    if (!pressesOwnSubmit(event)) handler(event);
  };
}

function pressesOwnSubmit(event: FocusEvent): boolean {
  const next = event.relatedTarget;
  const field = event.target as HTMLInputElement | HTMLSelectElement | null;
  return next instanceof HTMLButtonElement && next.type === 'submit' && next.form !== null && next.form === field?.form;
}
