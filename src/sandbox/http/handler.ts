/**
 * The shape of an endpoint handler. `HandlerMap` has one handler per endpoint id of the
 * contract's table, so an endpoint without a handler is a compile error.
 */
import type { EndpointId, EndpointResponse, Endpoints } from '../../contract/endpoints.js';
import type { z } from '../../contract/z.js';
import type { SandboxServices } from '../context.js';
import type { Principal } from '../services/tokens.js';

// `?:` because a few table rows (the address cascade) declare their query as optional.
type OutputOf<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
type BodyOf<K extends EndpointId> = Endpoints[K] extends { request?: infer R } ? OutputOf<R> : undefined;
type QueryOf<K extends EndpointId> = Endpoints[K] extends { query?: infer Q } ? OutputOf<Q> : undefined;
type PrincipalOf<K extends EndpointId> = Endpoints[K]['auth'] extends true ? Principal : null;

export interface HandlerContext<K extends EndpointId> {
  /** Path parameters, already checked by the endpoint table's patterns. */
  params: Record<string, string>;
  query: QueryOf<K>;
  body: BodyOf<K>;
  principal: PrincipalOf<K>;
  /** The sandbox's own origin as the caller reached it, for absolute links. */
  origin: string;
  request: Request;
  sb: SandboxServices;
}

export type Handler<K extends EndpointId> = (
  ctx: HandlerContext<K>,
) => EndpointResponse<K> | Promise<EndpointResponse<K>>;

export type HandlerMap = { [K in EndpointId]: Handler<K> };
