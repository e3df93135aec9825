/** Anything that answers requests in-process: a Hono app, or one wrapped to send a session (test/auth.ts). */
export type TRequester = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** Requests an app in-process and reads the answer as JSON (when it is JSON) for assertions. */
export const requestJson = async (app: TRequester, path: string, init?: RequestInit) => {
  const response = await app.request(path, init);
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const body: unknown = /json/.test(type) && text !== "" ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body, text };
};

/** GET that must answer 200; returns the parsed body. */
export const getOk = async <T = unknown>(app: TRequester, path: string): Promise<T> => {
  const { status, text, body } = await requestJson(app, path);
  if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${text}`);
  return body as T;
};
