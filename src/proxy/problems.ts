/** Problem-details answers for the proxy's own refusals (the contract's kinds). */
import { problem, type ProblemDetails, type ProblemKind } from '../contract/problems.js';

export function problemResponse(
  kind: ProblemKind,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
  extra: Pick<ProblemDetails, 'validationErrors'> = {},
): Response {
  return new Response(JSON.stringify(problem(kind, status, detail, extra)), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
