/**
 * Layout checks a person would make on a phone: is a word, an amount or an id split across two
 * lines; does anything stick out sideways. They measure what is drawn (text line boxes), not
 * grid cells. `root` is searched with its shadow root and every shadow root below it.
 */

/** The lines (distinct tops) a range of text takes on screen. */
function linesOfRange(range: Range): number {
  return new Set([...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round(r.top))).size;
}

function textNodes(node: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out.push(n as Text);
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out;
}

function visible(text: Text): boolean {
  const parent = text.parentElement;
  if (!parent || !parent.isConnected) return false;
  const range = document.createRange();
  range.selectNodeContents(text);
  return [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0);
}

/**
 * How many lines each of `parts` (in order, in the node's text, across text nodes and `<wbr>`s)
 * takes on screen.
 */
export function linesOf(node: Element, parts: readonly string[]): number[] {
  const nodes = textNodes(node);
  const whole = nodes.map((n) => n.data).join('');
  const at = (offset: number): [Text, number] => {
    let rest = offset;
    for (const n of nodes) {
      if (rest <= n.data.length) return [n, rest];
      rest -= n.data.length;
    }
    throw new Error('offset past the text');
  };
  let from = 0;
  return parts.map((part) => {
    const start = whole.indexOf(part, from);
    if (start < 0) throw new Error(`no "${part}" in "${whole}"`);
    from = start + part.length;
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(from));
    return linesOfRange(range);
  });
}

/**
 * Every visible word drawn on two lines or more. A word is a run of characters between spaces
 * and hyphens within one text node: "3-D" may break after its hyphen, as typesetting does;
 * "Paymen/t" or "14.498,3/2" may not.
 */
export function brokenWords(root: Element): string[] {
  const broken: string[] = [];
  for (const text of textNodes(root)) {
    if (!visible(text)) continue;
    for (const match of text.data.matchAll(/[^\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(text, match.index!);
      range.setEnd(text, match.index! + match[0].length);
      if (linesOfRange(range) > 1) broken.push(match[0]);
    }
  }
  return broken;
}

/** Elements (in shadow roots too) whose box sticks out past `bounds` on either side, or that scroll sideways. */
export function overflowing(root: Element, bounds: DOMRect = root.getBoundingClientRect()): string[] {
  const out: string[] = [];
  const walk = (parent: ParentNode) => {
    for (const el of parent.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const hidden = style.display === 'none' || style.visibility === 'hidden' || box.width === 0 || box.height === 0;
      // A visually hidden span (1 px, clipped) is for screen readers: not a layout problem.
      const clipped = style.clip !== 'auto' && style.position === 'absolute';
      if (!hidden && !clipped && (box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5)) {
        out.push(`${el.localName}.${el.className} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
      if (!hidden && !clipped && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible' && el.clientWidth > 0) {
        out.push(`${el.localName}.${el.className} scrolls sideways`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root.shadowRoot ?? root);
  return out;
}

/** Every `.money` span (in shadow roots too) that is drawn in more than one piece. */
export function brokenAmounts(root: Element): string[] {
  const out: string[] = [];
  const walk = (parent: ParentNode) => {
    for (const el of parent.querySelectorAll('*')) {
      if (el.classList.contains('money') && el.getClientRects().length !== 1) out.push(el.textContent ?? '');
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root.shadowRoot ?? root);
  return out;
}
