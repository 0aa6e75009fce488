import { BENCH_PASSWORD, type Subject } from "./report-subjects";

export type HttpResult = { status: number; bytes: number; firstByteMs: number };

/** Logs in like the web app (POST /auth/login → cookie), then makes an API token as a script would. */
export async function apiTokenFor(baseUrl: string, subject: Subject): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: subject.email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${subject.email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const created = await fetch(`${baseUrl}/api/v1/api-tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ name: "bench:reports", expiresInDays: 1 }),
  });
  if (!created.ok) throw new Error(`api token ${subject.email}: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

/** One GET with a bearer token, body read to the end; the time to the response head is kept too. */
export async function timedGet(url: string, token: string, started: number): Promise<HttpResult> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const firstByteMs = performance.now() - started;
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${Buffer.from(body).toString()}`);
  return { status: res.status, bytes: body.byteLength, firstByteMs };
}
