/** The one way the web app talks to the API: JSON over fetch with the session cookie. */

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Validation details as `{path: "admin.email", message}`; paths may arrive as arrays. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((detail: unknown) => {
      if (typeof detail !== "object" || detail === null) return [];
      const { path, message } = detail as { path?: unknown; message?: unknown };
      const joined = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : "";
      return joined && typeof message === "string" ? [{ path: joined, message }] : [];
    });
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export const API_BASE = "/api/v1";

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    method,
    credentials: "same-origin",
    headers:
      body === undefined
        ? { accept: "application/json" }
        : { "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!response.ok) throw toApiError(response.status, json);
  return json as T;
}

/** Sends a file's text as it is (e.g. `text/csv`) and reads a JSON answer. */
export async function apiSendText<T>(path: string, text: string, contentType: string): Promise<T> {
  const response = await fetch(`${API_BASE}${path}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": contentType, accept: "application/json" },
    body: text,
  });
  const json: unknown = safeParse(await response.text());
  if (!response.ok) throw toApiError(response.status, json);
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, json: unknown): ApiError {
  const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
    ?.error;
  return new ApiError(
    status,
    error?.code ?? `http_${status}`,
    error?.message ?? `Request failed (${status})`,
    error?.details,
  );
}

export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
