/** `POST /graphql`, executed by the `graphql` package against the sandbox's SDL schema. */
import { graphql } from 'graphql';
import type { HandlerMap } from '../http/handler.js';
import { buildInsurUpSchema, rootValue, type GraphqlContext } from '../graphql/schema.js';

const schema = buildInsurUpSchema();

export const graphqlRoutes = {
  graphql: async ({ body, principal, sb }) => {
    const contextValue: GraphqlContext = { principal, store: sb.store };
    const result = await graphql({
      schema,
      source: body.query,
      rootValue,
      contextValue,
      variableValues: body.variables ?? undefined,
      operationName: body.operationName ?? undefined,
    });
    return {
      ...(result.data !== undefined ? { data: result.data as Record<string, unknown> | null } : {}),
      ...(result.errors?.length
        ? {
            errors: result.errors.map((e) => {
              const { path, extensions, ...rest } = e.toJSON();
              return { ...rest, ...(path ? { path: [...path] } : {}), ...(extensions ? { extensions: { ...extensions } } : {}) };
            }),
          }
        : {}),
    };
  },
} satisfies Partial<HandlerMap>;
