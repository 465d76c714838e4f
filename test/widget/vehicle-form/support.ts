/** Vehicle form test support: a logged-in customer with the form mounted, and the sandbox's registry. */
import { fixture, html } from '@open-wc/testing';
import '../../../src/widget/elements/insurup-vehicle-form/element.js';
import type { InsurupVehicleForm } from '../../../src/widget/elements/insurup-vehicle-form/element.js';
import { loginViaApi, sandboxCatalog, testEnv, until } from '../support/env.js';
import { queryByRole } from '../core/dom.js';
import type { AuthSession } from '../../../src/widget/session/auth-session.js';

export interface RegistryEntry {
  plate: { city: number; code: string };
  documentSerial: { code: string; number: string };
  brand: { value: string; text: string };
  model: { value: string; text: string };
  year: number;
  utilizationStyle: string;
}

let catalog: Promise<{ registry: RegistryEntry[] }> | undefined;
export const registry = async () => (await (catalog ??= sandboxCatalog<{ registry: RegistryEntry[] }>())).registry;

export interface Mounted {
  el: InsurupVehicleForm;
  root: ShadowRoot;
  auth: AuthSession;
}

/** Logs a new customer in (no saved vehicles) and mounts the form on its own on the page. */
export async function mountLoggedIn(options: { lang?: string; product?: string; auth?: AuthSession } = {}): Promise<Mounted> {
  const auth = options.auth ?? (await loginViaApi());
  const { proxyUrl } = await testEnv();
  const el = await fixture<InsurupVehicleForm>(html`<insurup-vehicle-form
    proxy-url=${proxyUrl}
    product=${options.product ?? 'kasko'}
    lang=${options.lang ?? 'tr'}
  ></insurup-vehicle-form>`);
  const root = el.shadowRoot!;
  await until(() => queryByRole(root, 'heading', /Araç ekle|Add a vehicle|Kayıtlı araçlarınız|Your saved vehicles/), 'the form to show');
  await el.updateComplete;
  return { el, root, auth };
}

/** `34 ABC 123` from the registry's `{34, 'ABC123'}`. */
export function plateText(plate: { city: number; code: string }): string {
  const m = /^([A-Z]+)(\d+)$/.exec(plate.code)!;
  return `${String(plate.city).padStart(2, '0')} ${m[1]} ${m[2]}`;
}
