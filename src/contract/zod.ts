/**
 * zod/mini with jitless mode on. Import it as a namespace (`import * as z from './zod.js'`)
 * so bundlers keep only the schema builders actually used: re-exporting the namespace as a
 * value would pull every zod module and locale into the browser bundle.
 *
 * Jitless stops zod from probing `new Function`, which a strict Content-Security-Policy
 * reports as a violation even when the probe is caught.
 */
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
