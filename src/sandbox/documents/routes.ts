/** `GET /documents/<signed token>`: the PDF, without a bearer token, while the link is fresh. */
import { Hono } from 'hono';
import type { SandboxServices } from '../context.js';
import { ProblemError } from '../errors.js';
import { problemResponse } from '../http/dispatch.js';
import { readDocumentToken } from './links.js';
import { renderDocument } from './render.js';

export function documentRoutes(sb: SandboxServices): Hono {
  const app = new Hono();
  app.get('/:token', async (c) => {
    const path = new URL(c.req.url).pathname;
    const ref = await readDocumentToken(sb.signer, c.req.param('token'));
    if (ref === 'invalid') {
      return problemResponse(new ProblemError('access-denied', 403, 'Belge bağlantısı geçersiz.', ['DOCUMENT_LINK_INVALID']), path);
    }
    if (ref === 'expired') {
      return problemResponse(
        new ProblemError('access-denied', 403, 'Belge bağlantısının süresi doldu; belgeyi yeniden isteyin.', ['DOCUMENT_LINK_EXPIRED']),
        path,
      );
    }
    const document = await renderDocument(sb.store, ref);
    if (!document) {
      return problemResponse(new ProblemError('resource-not-found', 404, 'Belge bulunamadı.', ['DOCUMENT_NOT_FOUND']), path);
    }
    return new Response(document.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${document.filename}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  return app;
}
