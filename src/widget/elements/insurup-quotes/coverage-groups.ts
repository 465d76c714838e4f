/**
 * The `coverage-group-ids` setting: 1 to 3 comma-separated 24-hex ids of the agency's coverage
 * groups (packages). Read from the element, or else from the nearest ancestor that has the
 * attribute (across shadow roots), so `<insurup-flow coverage-group-ids="…">` configures the
 * quotes step inside it.
 */
const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** The ids, or null when the setting is missing or invalid (then no proposal can be asked for). */
export function parseCoverageGroupIds(value: string | null | undefined): string[] | null {
  if (!value) return null;
  const ids = [...new Set(value.split(/[\s,]+/).filter(Boolean))];
  if (ids.length < 1 || ids.length > 3 || !ids.every((id) => OBJECT_ID.test(id))) return null;
  return ids;
}

export function inheritedAttribute(start: Element, name: string): string | null {
  let node: Element | null = start;
  while (node) {
    const value = node.getAttribute(name);
    if (value) return value;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return null;
}
