/**
 * The element's language: its own `lang`, else the nearest ancestor's (across shadow roots,
 * so `<insurup-flow lang="en">` reaches the elements it renders), else `<html lang>`, else
 * Turkish. Re-renders when the host's or the document's `lang` attribute changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { normalizeLang, type Lang } from '../i18n/index.js';

export function findLang(start: Element): string | null {
  let node: Element | null = start;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    const parent: Element | null = node.parentElement;
    node = parent ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return null;
}

export class LangController implements ReactiveController {
  private observer: MutationObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get lang(): Lang {
    return normalizeLang(findLang(this.host) ?? document.documentElement.lang);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
