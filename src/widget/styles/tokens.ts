/**
 * Design tokens. Every colour, radius and size an agency may change is a `--insurup-*`
 * custom property with a default here; custom properties inherit through shadow roots, so
 * setting them on any ancestor (or on `:root`) themes every element.
 *
 * Sizes are in `em` from `--insurup-font-size`, never `rem`: host themes set odd html font
 * sizes (62.5% is common on WordPress), which would shrink a rem-based widget.
 */
import { css, unsafeCSS } from 'lit';

// The dark palette, used by both dark-mode selectors below (a trusted constant, not input).
const darkValues = unsafeCSS(`
  --_primary: var(--insurup-color-primary, #7cb7ff);
  --_primary-hover: var(--insurup-color-primary-hover, #a3ccff);
  --_on-primary: var(--insurup-color-on-primary, #0b1a2b);
  --_text: var(--insurup-color-text, #e7ebf0);
  --_muted: var(--insurup-color-muted, #a9b3c1);
  --_surface: var(--insurup-color-surface, #1b222c);
  --_background: var(--insurup-color-background, #11161d);
  --_border: var(--insurup-color-border, #7b8696);
  --_divider: var(--insurup-color-divider, #2e3744);
  --_danger: var(--insurup-color-danger, #ff8a80);
  --_success: var(--insurup-color-success, #7fd49a);
  --_warning: var(--insurup-color-warning, #ffcc66);
  --_focus: var(--insurup-color-focus, #8ab4f8);
  --_host-background: var(--insurup-host-background, #11161d);
  --_host-padding: var(--insurup-host-padding, 1em);
`);

export const tokens = css`
  :host {
    --_primary: var(--insurup-color-primary, #0b5cad);
    --_primary-hover: var(--insurup-color-primary-hover, #094a8b);
    --_on-primary: var(--insurup-color-on-primary, #ffffff);
    --_text: var(--insurup-color-text, #1c2430);
    --_muted: var(--insurup-color-muted, #566173);
    --_surface: var(--insurup-color-surface, #ffffff);
    --_background: var(--insurup-color-background, #f4f6f9);
    --_border: var(--insurup-color-border, #8a94a3);
    --_divider: var(--insurup-color-divider, #dde2e9);
    --_danger: var(--insurup-color-danger, #b3261e);
    --_success: var(--insurup-color-success, #1e7a3c);
    --_warning: var(--insurup-color-warning, #8a5a00);
    --_focus: var(--insurup-color-focus, #1a73e8);
    --_accent: var(--insurup-color-accent, #f5b400);
    --_radius: var(--insurup-radius, 0.5em);
    --_font: var(
      --insurup-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    /* medium: the reader's own default text size (16px unless they set a larger one in the
       browser), which a theme's html font size does not change. */
    --_font-size: var(--insurup-font-size, medium);
    --_space: var(--insurup-spacing, 1em);
    --_control-height: var(--insurup-control-height, 2.75em);
    --_shadow: var(--insurup-shadow, 0 0.0625em 0.1875em rgb(0 0 0 / 0.12));
    /* The element's own backdrop: none in light mode (the host page shows through); in dark
       mode the dark background, so light text never sits on a light host page. */
    --_host-background: var(--insurup-host-background, transparent);
    --_host-padding: var(--insurup-host-padding, 0);
  }

  /* Dark mode: by the user's system setting unless theme="light", or forced by theme="dark". */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkValues}
    }
  }
  :host([theme='dark']) {
    ${darkValues}
  }
`;
