/** Checks shared by the routes: the customer in a path or body must be the token's own. */
import { accessDenied, fieldError, inputValidation } from '../errors.js';
import type { Principal } from '../services/tokens.js';

export function requireOwnCustomer(principal: Principal, customerId: string): void {
  if (customerId.toLowerCase() !== principal.customerId.toLowerCase()) {
    throw accessDenied('Yalnızca kendi müşteri kaydınız üzerinde işlem yapabilirsiniz.', 'CUSTOMER_MISMATCH');
  }
}

/** The body's `customerId` must repeat the path's, as InsurUp checks. */
export function requireSameCustomerId(pathCustomerId: string, bodyCustomerId: string): void {
  if (pathCustomerId.toLowerCase() !== bodyCustomerId.toLowerCase()) {
    throw inputValidation([
      fieldError(['customerId'], "Gövdedeki 'customerId' adresteki müşteri kimliğiyle aynı olmalıdır.", bodyCustomerId),
    ]);
  }
}
