/** Policies, their PDF and sending it by e-mail (to the mail outbox). */
import { documentUrl } from '../documents/links.js';
import type { HandlerMap } from '../http/handler.js';
import { maskEmail } from '../masking.js';
import { toPolicy } from '../views.js';
import { ownPolicy } from './lookup.js';

export const policyRoutes = {
  getPolicy: ({ params, principal, sb }) => toPolicy(ownPolicy(sb, principal, params.policyId!)),

  getPolicyDocument: async ({ params, principal, sb, origin }) => {
    const policy = ownPolicy(sb, principal, params.policyId!);
    return { url: await documentUrl(sb.signer, origin, { kind: 'policy', policyId: policy.id }) };
  },

  sendPolicyDocument: ({ params, body, principal, sb }) => {
    const policy = ownPolicy(sb, principal, params.policyId!);
    const customer = sb.store.customers.get(principal.customerId)!;
    sb.store.mail.unshift({
      to: body.email,
      subject: `${policy.insurerName} poliçeniz (${policy.policyNumber})`,
      text:
        `Sayın ${customer.fullName},\n\n${policy.productName} poliçeniz ekte yer almaktadır.\n` +
        `Poliçe numarası: ${policy.policyNumber}\nBaşlangıç: ${policy.startDate}\nBitiş: ${policy.endDate}\n\n` +
        `Bu e-posta InsurUp sanal ortamında üretilmiştir.`,
      policyId: policy.id,
      attachment: { filename: `police-${policy.policyNumber}.pdf`, contentType: 'application/pdf' },
      sentAt: new Date().toISOString(),
    });
    sb.store.mail.splice(200);
    customer.email ??= body.email;
    sb.log(`[mail] ${maskEmail(body.email)} ← poliçe ${policy.policyNumber}`);
    return undefined;
  },
} satisfies Partial<HandlerMap>;
