/**
 * Every `insurup-*` tag and the chunk that defines it. Elements load on demand: the entry
 * defines none of them eagerly except `<insurup-flow>`, and loads an element's chunk when its
 * tag appears in the page (or when a flow is about to show it), so a page pays only for the
 * elements it uses, and a flow only for the steps the customer reaches.
 */
const LOADERS = {
  'insurup-flow': () => import('./insurup-flow/element.js'),
  'insurup-login': () => import('./insurup-login/element.js'),
  'insurup-vehicle-form': () => import('./insurup-vehicle-form/element.js'),
  'insurup-property-form': () => import('./insurup-property-form/element.js'),
  'insurup-health-form': () => import('./insurup-health-form/element.js'),
  'insurup-quotes': () => import('./insurup-quotes/element.js'),
  'insurup-checkout': () => import('./insurup-checkout/element.js'),
  'insurup-policy': () => import('./insurup-policy/element.js'),
  'insurup-my-policies': () => import('./insurup-my-policies/element.js'),
} as const;

export type InsurupTag = keyof typeof LOADERS;
const INSURUP_TAGS = Object.keys(LOADERS) as InsurupTag[];

const loading = new Map<string, Promise<void>>();

function isInsurupTag(tag: string): tag is InsurupTag {
  return Object.prototype.hasOwnProperty.call(LOADERS, tag);
}

/** Loads (once) the chunk that defines `tag`; resolves when the element is defined. */
export function loadElement(tag: string): Promise<void> {
  if (!isInsurupTag(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = LOADERS[tag]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag); // a failed chunk download may succeed on the next try
        throw error;
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads the elements already in `root` and those added to it later (CMS blocks, SPA routes). */
export function autoloadElements(root: Document | ShadowRoot = document): MutationObserver {
  const scan = (node: ParentNode) => {
    for (const tag of INSURUP_TAGS) {
      if (!customElements.get(tag) && node.querySelector(tag)) void loadElement(tag).catch(reportLoadFailure);
    }
  };
  scan(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const element = node as Element;
        if (isInsurupTag(element.localName)) void loadElement(element.localName).catch(reportLoadFailure);
        if (element.firstElementChild) scan(element);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}

function reportLoadFailure(error: unknown): void {
  // Nothing to show yet (the element is not defined); the console is where a developer looks.
  console.error('insurup-elements: could not load an element', error);
}
