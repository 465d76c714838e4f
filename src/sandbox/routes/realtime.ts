/**
 * The hub's row of the endpoint table. WebSocket upgrades never reach the handlers (node.ts
 * takes them); a plain GET is told to upgrade, as SignalR answers without negotiation.
 */
import { ProblemError } from '../errors.js';
import type { HandlerMap } from '../http/handler.js';

export const realtimeRoutes = {
  proposalHub: async ({ request, sb }) => {
    // As ASP.NET answers: authentication first, then "this is a WebSocket endpoint".
    await sb.hub.authorize(new URL(request.url), request.headers.get('authorization'));
    throw new ProblemError('feature-not-supported', 426, 'Bu adres yalnızca WebSocket (SignalR, skipNegotiation) bağlantısı kabul eder.', ['WEBSOCKET_REQUIRED'], undefined, {
      Upgrade: 'websocket',
    });
  },
} satisfies Partial<HandlerMap>;
