import { referenceKeyword, type JsonValue } from '@base-shift/core';
import { evaluateMapping, fillPlaceholders, MappingError, requiredSecrets, type ExternalApiCallStepConfig } from '@base-shift/steps';
import { DEFAULT_TIMEOUT_MS } from '@base-shift/steps';
import { HttpBadResponseError, HttpClientError, HttpUnavailableError, InvalidTemplateError, JobFailure, MappingFailedError } from '../errors/executor-errors';
import type { GuardedHttpClient, HttpResponse } from '../http/guarded-http-client';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, type RetryPolicy } from '../http/retry-policy';
import type { SecretResolver } from '../secrets/secret-resolver';
import { abortableDelay, throwIfAborted, type StepContext, type StepRunner } from './step-runner';

export interface ExternalApiCallDependencies {
  http: GuardedHttpClient;
  secrets: SecretResolver;
  retry?: RetryPolicy;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const ERROR_BODY_CHARS = 1024;

/**
 * Calls the configured API. Network errors, timeouts, 5xx, 408 and 429 are
 * retried with backoff (Retry-After honoured); any other 4xx fails the job
 * permanently; the JSON response is the step output. A request carrying a
 * secret goes only to hosts the secret's binding allows (checked before the
 * first connection and on every redirect hop). Secrets are filled only
 * into the template's own strings, never into values taken from the input,
 * so a job input cannot ask for `${API_KEY}` to be expanded.
 */
export function externalApiCallRunner(dependencies: ExternalApiCallDependencies): StepRunner<ExternalApiCallStepConfig> {
  const policy = dependencies.retry ?? DEFAULT_RETRY_POLICY;
  const secret = (name: string): string => dependencies.secrets.resolve(name);

  return {
    async run(config, input, context) {
      const url = endpointUrl(config.api_endpoint);
      // Which secrets this request carries, checked against their bindings before any is read or any socket opened;
      // every redirect hop is checked the same way (a 307/308 would carry the body, and any secret in it, along).
      const carried = requiredSecrets('external_api_call', config);
      const checkDestination = (target: URL): void => dependencies.secrets.checkDestination(carried, target.hostname);
      checkDestination(url);
      const body = requestBody(config, input, context, secret);
      const headers = requestHeaders(config, body !== undefined, context, secret);
      const what = `${config.method} ${url.origin}${url.pathname}`;
      const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

      for (let retry = 0; ; retry += 1) {
        throwIfAborted(context.signal);
        const request = requestSignal(context.signal, timeoutMs);
        let problem: string;
        let retryAfterMs: number | undefined;
        try {
          const response = await dependencies.http.send({ method: config.method, url, headers, body, signal: request.signal, checkDestination });
          if (response.status >= 200 && response.status < 300) return responseJson(what, response);
          if (!isRetryableStatus(response.status)) throw clientError(what, response);
          problem = `answered ${response.status} ${response.statusText}`.trim();
          retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        } catch (error) {
          if (context.signal.aborted) throw context.signal.reason;
          if (error instanceof JobFailure) throw error;
          problem = request.timedOut() ? `timed out after ${timeoutMs} ms` : `failed: ${networkProblem(error)}`;
        } finally {
          request.dispose();
        }
        if (retry >= policy.maxRetries) throw new HttpUnavailableError(`${what} ${problem} (${retry + 1} tries)`);
        if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
          throw new HttpUnavailableError(`${what} ${problem} and asked to retry after ${Math.ceil(retryAfterMs / 1000)} s; the job will be retried later`);
        }
        await abortableDelay(retryAfterMs ?? backoffDelay(policy, retry), context.signal);
      }
    },
  };
}

/**
 * One request's signal: aborted by the job's signal or after timeoutMs. (Cheaper per
 * request than AbortSignal.any + AbortSignal.timeout, which matters at thousands of calls/s.)
 */
function requestSignal(job: AbortSignal, timeoutMs: number): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const onJobAbort = (): void => controller.abort(job.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  job.addEventListener('abort', onJobAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      job.removeEventListener('abort', onJobAbort);
    },
  };
}

/** The literal endpoint: a URL is never filled from a secret (template validation refuses it; a snapshot written around it is refused here). */
function endpointUrl(text: string): URL {
  if (/\$\{[^}]*\}/.test(text)) throw new InvalidTemplateError('api_endpoint must not contain ${...} placeholders: a URL is never filled from a secret');
  try {
    return new URL(text);
  } catch {
    throw new InvalidTemplateError(`api_endpoint is not a valid URL: ${text}`);
  }
}

function requestBody(config: ExternalApiCallStepConfig, input: JsonValue, context: StepContext, secret: (name: string) => string): string | undefined {
  if (config.body === undefined) return BODY_METHODS.has(config.method) ? JSON.stringify(input) : undefined;
  try {
    return JSON.stringify(evaluateMapping(fillMappingLiterals(config.body, secret), { input, job: { input: context.jobInput } }));
  } catch (error) {
    if (error instanceof MappingError) throw new MappingFailedError(`body ${error.message}`, { path: error.path });
    throw error;
  }
}

/** Fills placeholders in the mapping's literal strings (and `default`s), leaving reference paths alone. */
function fillMappingLiterals(mapping: JsonValue, secret: (name: string) => string): JsonValue {
  if (typeof mapping === 'string') return fillPlaceholders(mapping, secret);
  if (Array.isArray(mapping)) return mapping.map((item) => fillMappingLiterals(item, secret));
  if (mapping === null || typeof mapping !== 'object') return mapping;
  const keyword = referenceKeyword(mapping);
  return Object.fromEntries(Object.entries(mapping).map(([key, value]) => [key, key === keyword ? value : fillMappingLiterals(value, secret)]));
}

function requestHeaders(config: ExternalApiCallStepConfig, hasBody: boolean, context: StepContext, secret: (name: string) => string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers ?? {})) headers[name.toLowerCase()] = fillPlaceholders(value, secret);
  headers['accept'] ??= 'application/json';
  headers['user-agent'] ??= 'base-shift-job-executor';
  if (hasBody) headers['content-type'] ??= 'application/json';
  // Every attempt of a job sends the same key, so an API that honours it never applies a payment twice.
  if (config.method !== 'GET') headers['idempotency-key'] ??= context.idempotencyKey;
  return headers;
}

function responseJson(what: string, response: HttpResponse): JsonValue {
  if (response.body.length === 0) return null;
  try {
    return JSON.parse(response.body.toString('utf8')) as JsonValue;
  } catch {
    throw new HttpBadResponseError(
      `${what} answered ${response.status} with a body that is not JSON (content-type ${response.headers['content-type'] ?? 'none'})`,
    );
  }
}

function clientError(what: string, response: HttpResponse): JobFailure {
  if (response.status < 400) return new HttpBadResponseError(`${what} answered ${response.status} ${response.statusText}`.trim());
  const text = response.body.toString('utf8');
  let body: JsonValue = text.length > ERROR_BODY_CHARS ? `${text.slice(0, ERROR_BODY_CHARS)}…` : text;
  try {
    if (text.length <= ERROR_BODY_CHARS) body = JSON.parse(text) as JsonValue;
  } catch {
    // Not JSON: keep the (truncated) text.
  }
  return new HttpClientError(response.status, `${what} answered ${response.status} ${response.statusText}`.trim(), { status: response.status, body });
}

function networkProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}
