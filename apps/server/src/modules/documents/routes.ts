import { CustomerDocument, DocumentIdParams, DocumentList, DocumentQuery, Problem } from '@marque/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors.ts';
import { CUSTOMER_ONLY, principalOf } from '../../platform/http/access.ts';
import { requestContext } from '../../platform/http/request-context.ts';
import type { AuditLog } from '../../platform/ports.ts';
import { type DocumentCentreDeps, downloadDocument, getDocument } from './get-document.ts';
import { listDocuments } from './list-documents.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

function customerOf(request: Parameters<typeof principalOf>[0]): number {
  const { customerId } = principalOf(request);
  if (customerId === null) throw new NotFoundError('document');
  return customerId;
}

/** The document centre: the signed-in customer's own PDFs; every download is audited. */
export const documentRoutes: FastifyPluginAsyncZod<DocumentCentreDeps & { audit: AuditLog }> = async (
  app,
  deps,
) => {
  const access = CUSTOMER_ONLY;

  app.get(
    '/api/v1/documents',
    {
      config: { access },
      schema: {
        tags: ['documents'],
        summary:
          "The customer's statements, letters and notices, newest first; filter by account, kind and year",
        querystring: DocumentQuery,
        response: { 200: DocumentList, ...errors },
      },
    },
    async (request) => listDocuments(deps, customerOf(request), request.query),
  );

  app.get(
    '/api/v1/documents/:documentId',
    {
      config: { access },
      schema: {
        tags: ['documents'],
        summary: 'One document: what it is, its date, size and SHA-256',
        params: DocumentIdParams,
        response: { 200: CustomerDocument, ...errors },
      },
    },
    async (request) => getDocument(deps, customerOf(request), request.params.documentId),
  );

  app.get(
    '/api/v1/documents/:documentId/file',
    {
      config: { access },
      schema: {
        tags: ['documents'],
        summary: 'The PDF itself (each download is in the audit log)',
        params: DocumentIdParams,
        response: { 200: z.instanceof(Buffer), ...errors },
      },
    },
    async (request, reply) => {
      const file = await downloadDocument(
        deps,
        requestContext(request),
        customerOf(request),
        request.params.documentId,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
        .send(file.bytes);
    },
  );
};
