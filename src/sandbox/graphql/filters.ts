/**
 * HotChocolate-style filtering, sorting and offset paging over in-memory lists:
 * `where: { field: { eq | neq | in | nin } , and: [...], or: [...] }`,
 * `order: [{ field: ASC | DESC }]`, `skip` / `take`.
 */
import { GraphQLError } from 'graphql';
import { GRAPHQL_MAX_TAKE } from '../../contract/graphql.js';

export type Where = Record<string, unknown> | null | undefined;
export type Order = ReadonlyArray<Record<string, 'ASC' | 'DESC' | null | undefined>> | null | undefined;

/** Ids and GUIDs compare case-insensitively, as GUIDs do in .NET. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function matches(item: Record<string, unknown>, where: Where): boolean {
  if (!where) return true;
  for (const [field, condition] of Object.entries(where)) {
    if (condition === undefined || condition === null) continue;
    if (field === 'and') {
      if (!(condition as Where[]).every((w) => matches(item, w))) return false;
      continue;
    }
    if (field === 'or') {
      if (!(condition as Where[]).some((w) => matches(item, w))) return false;
      continue;
    }
    const value = item[field] ?? null;
    for (const [op, operand] of Object.entries(condition as Record<string, unknown>)) {
      if (operand === undefined) continue;
      const ok =
        op === 'eq' ? same(value, operand)
        : op === 'neq' ? !same(value, operand)
        : op === 'in' ? ((operand as unknown[] | null) ?? []).some((o) => same(value, o))
        : op === 'nin' ? !((operand as unknown[] | null) ?? []).some((o) => same(value, o))
        : false;
      if (!ok) return false;
    }
  }
  return true;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function sortBy<T extends Record<string, unknown>>(items: T[], order: Order): T[] {
  if (!order?.length) return items;
  const keys = order.flatMap((entry) =>
    Object.entries(entry).filter((e): e is [string, 'ASC' | 'DESC'] => e[1] === 'ASC' || e[1] === 'DESC'),
  );
  return [...items].sort((x, y) => {
    for (const [field, direction] of keys) {
      const c = compare(x[field], y[field]);
      if (c !== 0) return direction === 'ASC' ? c : -c;
    }
    return 0;
  });
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

export function paginate<T>(items: T[], skip: number | null | undefined, take: number | null | undefined): Page<T> {
  const from = skip ?? 0;
  const size = take ?? GRAPHQL_MAX_TAKE;
  if (from < 0) throw new GraphQLError('skip must not be negative.', { extensions: { code: 'HC0051' } });
  if (size < 0 || size > GRAPHQL_MAX_TAKE) {
    throw new GraphQLError(`The maximum allowed items per page were exceeded (take: 0..${GRAPHQL_MAX_TAKE}).`, {
      extensions: { code: 'HC0051' },
    });
  }
  return {
    items: items.slice(from, from + size),
    totalCount: items.length,
    pageInfo: { hasNextPage: from + size < items.length, hasPreviousPage: from > 0 },
  };
}
