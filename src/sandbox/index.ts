/**
 * The InsurUp sandbox: a faithful local simulator of the InsurUp customer API.
 * `createSandbox()` is runtime-neutral (a Web-standard fetch handler); `startSandbox()` in
 * node.ts serves it on Node with the SignalR hub's WebSocket upgrade.
 */
import type { Hono } from 'hono';
import type { Catalog } from './catalog/index.js';
import { createApp, type NodeBindings } from './app.js';
import { createServices, type SandboxServices } from './context.js';
import { documentUrl } from './documents/links.js';
import { FaultInjector } from './faults.js';
import { RequestRecorder } from './log.js';
import { resolveOptions, type RuntimeConfig, type SandboxOptions } from './options.js';
import type { SandboxStore } from './store.js';

export type { SandboxOptions, RuntimeConfig };
export type { TestIdentity } from './catalog/people.js';
export type { RecordedRequest } from './log.js';

export interface Sandbox {
  /** The Hono app itself (routes: /api, /graphql, /pay, /documents, /sandbox). */
  readonly app: Hono<{ Bindings: NodeBindings }>;
  /** The Hono app's fetch handler. On Node, `env` carries the socket (for the `close` fault). */
  fetch(request: Request, env?: NodeBindings): Promise<Response>;
  /** The in-memory state (customers, proposals, outboxes, ...). */
  readonly store: SandboxStore;
  readonly catalog: Catalog;
  /** The current run-time settings (also changed by `POST /sandbox/config`). */
  readonly config: RuntimeConfig;
  /** Internals the Node server wires (the hub, faults, the request log). */
  readonly services: SandboxServices;
  readonly faults: FaultInjector;
  readonly recorder: RequestRecorder;
  /** Closes hub connections and stops every timer (quotes still waiting stay WAITING). */
  close(): void;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved = resolveOptions(options);
  const sb = createServices(resolved);
  const faults = new FaultInjector();
  const recorder = new RequestRecorder();
  const app = createApp(sb, {
    faults,
    recorder,
    // Each read of the mailbox gets a fresh signed link to the attached policy PDF.
    mailView: async (message, origin) => ({
      ...message,
      attachment: { ...message.attachment, url: await documentUrl(sb.signer, origin, { kind: 'policy', policyId: message.policyId }) },
    }),
  });
  return {
    app,
    fetch: async (request, env) => app.fetch(request, env ?? {}),
    store: sb.store,
    catalog: sb.catalog,
    get config() {
      return sb.config;
    },
    services: sb,
    faults,
    recorder,
    close: () => {
      sb.hub.close();
      sb.timers.close();
    },
  };
}
