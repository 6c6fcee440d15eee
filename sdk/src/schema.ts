/**
 * Typed views of the generated OpenAPI types (./generated/openapi.ts, made by openapi-typescript from
 * docs/openapi.json by `npm run build:api-spec`). The SDK's named request and response types (types.ts,
 * admin-types.ts) are aliases built from these, so they follow the API and cannot drift from it.
 * The SDK's operation names are the document's operationIds, which is what lets `N` index both.
 */
import type { components, operations } from './generated/openapi.js';

export type { components, paths, operations as ApiOperations } from './generated/openapi.js';

/** Every named schema of docs/openapi.json (tsoa's TypeScript types on the server). */
export type Schemas = components['schemas'];

/** An operationId of docs/openapi.json. */
export type ApiOperationId = keyof operations;

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<N extends ApiOperationId> = operations[N]['responses'];

/** The JSON body of an operation's success response; `void` when it answers 204 No Content. */
export type ResponseOf<N extends ApiOperationId> =
  Responses<N> extends { 200: infer R } ? JsonBody<R>
    : Responses<N> extends { 201: infer R } ? JsonBody<R>
      : Responses<N> extends { 202: infer R } ? JsonBody<R>
        : void;

/** The JSON request body of an operation (POST, PATCH). */
export type BodyOf<N extends ApiOperationId> =
  operations[N] extends { requestBody?: infer B } ? JsonBody<NonNullable<B>> : never;

/** The query string of an operation (GET, DELETE), every parameter optional or not as the document says. */
export type QueryOf<N extends ApiOperationId> = NonNullable<operations[N]['parameters']['query']>;
