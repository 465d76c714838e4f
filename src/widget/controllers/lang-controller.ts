/**
 * The element's language: its own `lang`, else the nearest ancestor's (across shadow roots,
 * so `<insurup-flow lang="en">` reaches the elements it renders), else `<html lang>`, else
 * Turkish. Re-renders when a `lang` attribute changes anywhere on that path — on the element,
 * on an enclosing `<insurup-flow>` or any other ancestor, or on `<html>` — and the resolved
 * language changes with it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { normalizeLang, type Lang } from '../i18n/index.js';

/** The element, its ancestors, and the hosts of the shadow roots it sits in, up to `<html>`. */
function* ancestry(start: Element): Generator<Element> {
  let node: Element | null = start;
  while (node) {
    yield node;
    const parent: Element | null = node.parentElement;
    node = parent ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
}

function findLang(start: Element): string | null {
  for (const node of ancestry(start)) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
  }
  return null;
}

export class LangController implements ReactiveController {
  private observer: MutationObserver | undefined;
  /** The language when last looked at, so unrelated `lang` changes cause no render. */
  private known: Lang | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get lang(): Lang {
    return normalizeLang(findLang(this.host) ?? document.documentElement.lang);
  }

  hostConnected(): void {
    this.observer?.disconnect();
    this.observer = new MutationObserver(() => this.check());
    // Attribute observers do not cross shadow roots, so each element on the path gets one.
    for (const node of ancestry(this.host)) this.observer.observe(node, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    // Moved into a container of another language while away: render in that one.
    if (this.known === undefined) this.known = this.lang;
    else this.check();
  }

  /**
   * The rendered content says which language it is in: the page's `lang` may name one the
   * widget does not speak (`de`, or none at all), and the Turkish it then shows would be read
   * by a screen reader as that language.
   */
  hostUpdated(): void {
    const lang = this.lang;
    for (const child of this.host.shadowRoot?.children ?? []) {
      if (child.getAttribute('lang') !== lang) child.setAttribute('lang', lang);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private check(): void {
    const lang = this.lang;
    if (lang === this.known) return;
    this.known = lang;
    this.host.requestUpdate();
  }
}
