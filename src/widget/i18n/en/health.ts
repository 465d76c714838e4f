import type { health as tr } from '../tr/health.js';

export const health = {
  'health.title': 'Your health details',
  'health.intro': 'Enter your height and weight for supplementary health insurance quotes.',
  'health.loading': 'Fetching your saved details…',
  'health.loadFailed': 'Your saved details could not be fetched. You can still enter them.',
  'health.prefilled': 'Filled in with the details you entered before. Update them if they changed.',
  'health.height': 'Height (cm)',
  'health.heightHint': '{min}–{max} cm, e.g. 175',
  'health.weight': 'Weight (kg)',
  'health.weightHint': '{min}–{max} kg, e.g. 72',
  'health.save': 'Save and continue',
  'health.saving': 'Saving your details…',
  'health.ready': 'Your health details are saved.',
  'health.edit': 'Edit the details',
} as const satisfies Record<keyof typeof tr, string>;
