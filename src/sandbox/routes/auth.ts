/** login-or-register, verify-mfa and refresh. */
import type { HandlerMap } from '../http/handler.js';

export const authRoutes = {
  loginOrRegister: ({ body, sb }) => sb.auth.loginOrRegister(body),
  verifyMfa: ({ body, sb }) => sb.auth.verifyMfa(body.token, body.code),
  refreshToken: ({ body, sb }) => sb.tokens.refresh(body.refreshToken),
} satisfies Partial<HandlerMap>;
