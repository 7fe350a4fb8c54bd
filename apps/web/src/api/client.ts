import { type FieldError, Problem } from '@marque/contracts';

/** Anything with zod's `safeParse`: the web app validates every successful response it reads. */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/**
 * An API failure, normalised from `application/problem+json`. `status` 0 means the request never got
 * an HTTP answer (network down) or the answer was not what the contract promised.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(init: { status: number; code: string; detail?: string | undefined; errors?: FieldError[] }) {
    super(init.detail ?? `${init.code} (${init.status})`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }

  get isNetwork(): boolean {
    return this.code === 'network_error';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body; state-changing requests always send one (the server requires a JSON content type). */
  body?: unknown;
  /** Schema of the successful response; omit for 204 answers. */
  schema?: Schema<T>;
  signal?: AbortSignal | undefined;
  /** Extra request headers, e.g. `Idempotency-Key` on money-moving POSTs. */
  headers?: Record<string, string>;
}

export const API_BASE = '/api/v1';

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A problem body that misses some required member: keep whatever is usable rather than nothing. */
function lenientProblem(status: number, payload: unknown): ApiError {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (e): e is FieldError =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as FieldError).field === 'string' &&
          typeof (e as FieldError).code === 'string' &&
          typeof (e as FieldError).message === 'string',
      )
    : [];
  return new ApiError({
    status,
    code: typeof body.code === 'string' ? body.code : `http_${status}`,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors,
  });
}

/**
 * Calls the Marque API with the session cookie (same origin only), sends and reads JSON, turns
 * problem+json answers into `ApiError`, and validates successful answers against the shared schema.
 */
export async function apiFetch<T = undefined>(path: string, request: ApiRequest<T> = {}): Promise<T> {
  const method = request.method ?? (request.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = {
    ...request.headers,
    Accept: 'application/json, application/problem+json',
  };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: request.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error' });
  }

  const payload = await readJson(response);

  if (!response.ok) {
    const problem = Problem.safeParse(payload);
    if (problem.success) {
      throw new ApiError({
        status: response.status,
        code: problem.data.code,
        detail: problem.data.detail ?? problem.data.title,
        errors: problem.data.errors,
      });
    }
    throw lenientProblem(response.status, payload);
  }

  if (!request.schema) return undefined as T;
  const parsed = request.schema.safeParse(payload);
  if (!parsed.success) {
    console.error(`Unexpected response shape from ${method} ${path}`, parsed.error);
    throw new ApiError({ status: 0, code: 'invalid_response' });
  }
  return parsed.data;
}
