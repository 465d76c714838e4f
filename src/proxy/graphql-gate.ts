/**
 * GraphQL: only the widget's three fixed documents pass (compared whitespace-insensitively,
 * like persisted queries), with their variables checked against the contract. That fixes the
 * depth and cost of every query; the body size limit caps the rest. The forwarded body is
 * rebuilt from the contract's own document, never the client's text.
 */
import { GraphqlRequest, graphqlOperations, identifyGraphqlOperation } from '../contract/graphql.js';

export type GraphqlCheck =
  | { ok: true; operation: string; body: string }
  | { ok: false; status: 400 | 403; detail: string };

export function checkGraphqlRequest(parsed: Record<string, unknown>): GraphqlCheck {
  const request = GraphqlRequest.safeParse(parsed);
  if (!request.success) return { ok: false, status: 400, detail: 'Not a GraphQL request ({ query, operationName?, variables? })' };
  const operation = identifyGraphqlOperation(request.data.query);
  if (!operation) return { ok: false, status: 403, detail: 'Only the widget’s GraphQL operations are allowed' };
  if (request.data.operationName && request.data.operationName !== operation) {
    return { ok: false, status: 400, detail: 'operationName does not name the document' };
  }
  const spec = graphqlOperations[operation];
  const variables = spec.variables.safeParse(request.data.variables ?? {});
  if (!variables.success) return { ok: false, status: 400, detail: `Invalid variables for ${operation}` };
  return {
    ok: true,
    operation,
    body: JSON.stringify({ query: spec.query, operationName: operation, variables: variables.data }),
  };
}
