/**
 * The id that keeps a flow's saved state apart from other flows on the page: its `id`
 * attribute, else its position among the page's `<insurup-flow>`s. Give flows an `id` when
 * pages add or remove them dynamically, so a reload finds the same state.
 */
export function flowIdOf(flow: HTMLElement): string {
  if (flow.id) return `id:${flow.id}`;
  const root = flow.getRootNode() as Document | ShadowRoot;
  const index = [...root.querySelectorAll(flow.localName)].indexOf(flow);
  return `flow-${Math.max(0, index)}`;
}
