/** purchase/async (a redirect to a payment page) and purchase/sync (a policy at once). */
import type { HandlerMap } from '../http/handler.js';
import { ownProduct } from './lookup.js';

export const purchaseRoutes = {
  purchaseAsync: ({ params, body, principal, sb, origin }) => {
    const { product } = ownProduct(sb, principal, params);
    const session = sb.purchases.startAsync(principal.customerId, product, body);
    // Like a bank's page: absolute, on the sandbox's own origin.
    return { redirectUrl: `${origin}/pay/${session.id}` };
  },

  purchaseSync: ({ params, body, principal, sb }) => {
    const { product } = ownProduct(sb, principal, params);
    return { policyId: sb.purchases.purchaseSync(product, body).id };
  },
} satisfies Partial<HandlerMap>;
