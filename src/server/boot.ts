import { BOOT_ELEMENT_ID, bootKey, type TBootData } from "@/shared/boot-key";
import { contract } from "@/shared/contract";
import { firstScreenRequests } from "@/shared/first-screen";
import { buildUrl } from "@/shared/http";

/*
 * Boot in one round trip: the HTML a signed-in reader gets already holds who they are and the first
 * screen's answers, as JSON in a `<script type="application/json">` (data, never run: the CSP is
 * unchanged), so the page draws its figures without a session request and without waiting for the API.
 * Each answer is the API's own, asked with the reader's own cookie through the same dispatcher
 * (validation, access by role, the response checked against the contract): what a reader's HTML holds is
 * exactly what that reader could have asked for. Nobody signed in: nothing is added. docs/boot.md says why
 * JSON rather than server-rendered tiles.
 */

/** Sends one GET through the API with the reader's cookie (the app's own `request`). */
export type TApiGet = (path: string, cookie: string) => Promise<Response>;

/**
 * JSON that cannot end the script element it sits in, nor be read as HTML: `<`, `>` and `&` become
 * \u escapes (still the same JSON), as do the two line separators older parsers choke on.
 */
export const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

const answerOf = async (response: Response): Promise<unknown> => {
  if (response.status !== 200) {
    await response.arrayBuffer();
    return undefined;
  }
  return response.json();
};

/** The boot data for a request to `url`, or null when nobody is signed in (then the HTML is the static one). */
export const bootData = async (
  url: URL,
  cookie: string | undefined,
  get: TApiGet,
  now: Date,
): Promise<TBootData | null> => {
  if (!cookie) return null;
  const requests = firstScreenRequests(url.pathname, url.searchParams, now);
  const [session, ...answers] = await Promise.all([
    get(contract.getSession.path, cookie).then(answerOf),
    ...requests.map((r) => get(buildUrl(contract[r.name], undefined, r.query), cookie).then(answerOf)),
  ]);
  // Signed out, expired or disabled: the sign-in page, and no data of the record in it.
  if (session === undefined) return null;
  const byKey: Record<string, unknown> = {};
  requests.forEach((r, i) => {
    if (answers[i] !== undefined) byKey[bootKey(r)] = answers[i];
  });
  return { session, answers: byKey };
};

/** index.html with the boot data in it (before `</body>`, after the app's root element). */
export const withBootData = (html: string, data: TBootData) => {
  const script = `<script type="application/json" id="${BOOT_ELEMENT_ID}">${scriptSafeJson(data)}</script>`;
  const at = html.lastIndexOf("</body>");
  return at === -1 ? `${html}${script}` : `${html.slice(0, at)}${script}${html.slice(at)}`;
};
