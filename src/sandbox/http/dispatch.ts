/**
 * Every `/api/...` and `/graphql` request goes through here: the contract's endpoint table finds
 * the endpoint, then authentication, query and body parsing, the handler, and a check that the
 * answer satisfies the contract's response schema (a violation is a sandbox bug and answers 500).
 */
import { matchEndpoint, pathIsKnown, type EndpointId, type HttpMethod } from '../../contract/endpoints.js';
import type { z } from '../../contract/z.js';
import type { SandboxServices } from '../context.js';
import { ProblemError, validationProblem } from '../errors.js';
import { randomHex } from '../random.js';
import type { Handler, HandlerContext, HandlerMap } from './handler.js';

const MAX_BODY_BYTES = 1_000_000;
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function problemResponse(error: ProblemError, instance: string): Response {
  return new Response(JSON.stringify(error.toBody(instance, randomHex(16))), {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...error.headers },
  });
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ProblemError('unsupported-media-type', 415, "İstek gövdesi 'application/json' olmalıdır.", ['UNSUPPORTED_MEDIA_TYPE']);
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    throw new ProblemError('payload-too-large', 413, 'İstek gövdesi çok büyük.', ['PAYLOAD_TOO_LARGE']);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError('input-validation', 400, 'İstek gövdesi geçerli bir JSON değil.', ['INVALID_JSON'], [
      { propertyName: 'body', errorMessage: 'Geçerli bir JSON gönderin.' },
    ]);
  }
}

export interface DispatchOptions {
  handlers: HandlerMap;
}

export async function dispatchApi(request: Request, sb: SandboxServices, { handlers }: DispatchOptions): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname;
  try {
    const match = matchEndpoint(request.method, path);
    if (!match) {
      if (pathIsKnown(path)) {
        const allowed = METHODS.filter((method) => matchEndpoint(method, path));
        throw new ProblemError('method-not-allowed', 405, `${request.method} bu adreste desteklenmiyor.`, ['METHOD_NOT_ALLOWED'], undefined, {
          Allow: allowed.join(', '),
        });
      }
      throw new ProblemError('endpoint-not-found', 404, `${path} adresinde bir uç nokta yok.`, ['ENDPOINT_NOT_FOUND']);
    }
    const endpoint = match.endpoint;
    // The hub authorizes itself (its token may be in the query); see routes/realtime.ts.
    const principal = endpoint.auth && !endpoint.websocket ? await sb.tokens.authenticate(request.headers.get('authorization')) : null;

    let query: unknown;
    if (endpoint.query && !endpoint.websocket) {
      const raw = Object.fromEntries(url.searchParams);
      const parsed = endpoint.query.safeParse(raw);
      if (!parsed.success) throw validationProblem(parsed.error.issues, raw);
      query = parsed.data;
    }
    let body: unknown;
    if (endpoint.request) {
      const raw = await readJson(request);
      const parsed = endpoint.request.safeParse(raw);
      if (!parsed.success) throw validationProblem(parsed.error.issues, raw);
      body = parsed.data;
    }

    const handler = handlers[match.id] as Handler<EndpointId>;
    const ctx = { params: match.params, query, body, principal, origin: url.origin, request, sb } as HandlerContext<EndpointId>;
    const result: unknown = await handler(ctx);
    return answer(match.id, endpoint.response, result, sb);
  } catch (error) {
    if (error instanceof ProblemError) return problemResponse(error, path);
    sb.log(`[error] ${request.method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return problemResponse(new ProblemError('upstream-service', 500, 'Sanal ortamda beklenmeyen bir hata oluştu.', ['SANDBOX_ERROR']), path);
  }
}

/** The handler's result as HTTP, after proving it satisfies the contract. */
function answer(id: EndpointId, schema: z.ZodMiniType, result: unknown, sb: SandboxServices): Response {
  const parsed = schema.safeParse(result);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; ');
    sb.log(`[contract] ${id} answered a body that violates its response schema: ${issues}`);
    throw new ProblemError('upstream-service', 500, `Sanal ortam sözleşmeye uymayan bir yanıt üretti (${id}).`, ['SANDBOX_CONTRACT_VIOLATION']);
  }
  if (result === undefined) return new Response(null, { status: 204 });
  return jsonResponse(result);
}
