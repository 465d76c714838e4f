/**
 * Finds the element's FlowSession through the session context — from an enclosing
 * `<insurup-flow>`, else from the page-level provider — keeps it current when `proxy-url` or
 * `product` change, re-renders the host on every session change, and starts the silent
 * session restore the first time a page's login is used.
 */
import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionContext } from '../session/context.js';
import type { FlowSession } from '../session/flow-session.js';

export interface SessionHost extends ReactiveControllerHost, HTMLElement {
  proxyUrl?: string | undefined;
  product?: string | undefined;
}

export class SessionController implements ReactiveController {
  session: FlowSession | undefined;
  private requestedFor: string | null = null;
  private releaseContext: (() => void) | undefined;
  private releaseSession: (() => void) | undefined;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.request();
  }

  hostUpdate(): void {
    if (this.requestedFor !== this.requestKey()) this.request();
  }

  hostDisconnected(): void {
    this.releaseContext?.();
    this.releaseSession?.();
    this.releaseContext = this.releaseSession = undefined;
    this.requestedFor = null;
  }

  private requestKey(): string {
    return `${this.host.proxyUrl ?? ''}|${this.host.product ?? ''}`;
  }

  private request(): void {
    this.releaseContext?.();
    this.releaseContext = undefined;
    this.requestedFor = this.requestKey();
    this.host.dispatchEvent(
      new ContextEvent(
        sessionContext,
        this.host,
        (session, unsubscribe) => {
          this.releaseContext = unsubscribe;
          this.adopt(session);
        },
        true,
      ),
    );
  }

  private adopt(session: FlowSession | undefined): void {
    // A provider without a value yet (a flow still waiting for its attributes) answers undefined.
    if (!session || this.session === session) return;
    this.releaseSession?.();
    this.session = session;
    this.releaseSession = session.subscribe(() => this.host.requestUpdate());
    if (session.auth.status === 'unknown') void session.auth.restore();
    this.host.requestUpdate();
  }
}
