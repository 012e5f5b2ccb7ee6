/**
 * @base-shift/client — a typed client of the control plane for the CLI, a
 * console and tests: REST typed from the OpenAPI document (openapi-fetch), the
 * template operations over GraphQL, a workflow's event stream, and one error
 * type. Runs wherever fetch does (Node, browsers): no Node-only imports.
 */
export { createBaseShiftClient, required, type BaseShiftClient, type BaseShiftClientOptions, type WorkflowTransition } from './lib/base-shift-client';
export { ProblemError, problemLine, type ProblemDetails, type ProblemEntry } from './lib/problem-error';
export type { RestBody } from './lib/rest-types';
export type { paths, components, operations } from './lib/generated/openapi';
export { graphqlRequest, type GraphqlTransport } from './lib/graphql/graphql-request';
export { TemplateOperations, type VersionBump } from './lib/templates/template-operations';
export { canonicalJson, parseTemplateDocument, sameContent } from './lib/templates/template-content';
export type {
  AppliedTemplate,
  JobStep,
  JobTemplate,
  JobTemplateVersion,
  JsonObject,
  TemplateDocument,
  TemplateFilter,
  TemplatePage,
} from './lib/templates/template-types';
export { EventStreamParser, type ServerSentEvent } from './lib/sse/event-stream-parser';
export { readEventStream, type EventStreamOptions, type EventStreamRequest } from './lib/sse/read-event-stream';
