/**
 * @base-shift/core — the small kernel every lib shares: JSON values, JSON
 * Pointers and validation problems, coded errors, and the logging port.
 * No dependencies; nothing here knows about Redis, HTTP or Nest.
 */
export { isJsonObject, type JsonObject, type JsonValue } from './lib/json';
export { childPointer, pointerSegment, pointerTokens } from './lib/json-pointer';
export { formatProblem, type ValidationProblem } from './lib/validation-problem';
export { assertNever, CodedError, errorMessage } from './lib/coded-error';
export { withTimeout } from './lib/with-timeout';
export { getLogger, setLogSink, type LogFields, type Logger, type LogSink } from './lib/logger';
export { LEGACY_REFERENCE_KEYWORD, REFERENCE_KEYWORD, referenceExpression, referenceKeyword, type ReferenceKeyword } from './lib/reference-keyword';
