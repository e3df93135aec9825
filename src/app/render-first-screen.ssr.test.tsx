import { http } from "msw";
import { resetMockAuth } from "@/mocks/auth-state";
import { server } from "@/mocks/node";
import { bootKey, type TBootData } from "@/shared/boot-key";
import { contract } from "@/shared/contract";
import { firstScreenRequests } from "@/shared/first-screen";
import { buildUrl } from "@/shared/http";
import { renderFirstScreen } from "./render-first-screen";

/*
 * The first screen drawn in Node by the app's own components, from the answers the server puts in the
 * HTML (here the mocks', which keep the same contract): the figures are in the markup, the page draws
 * nothing it would have to ask for, and two readers drawn at once never see each other's data.
 */

const base = "http://localhost";

/** The boot data the server would put in the HTML for `path`, from the mocks. */
const bootFor = async (path: string): Promise<TBootData> => {
  const url = new URL(path, base);
  const requests = firstScreenRequests(url.pathname, url.searchParams, new Date());
  const get = async (p: string) => (await fetch(new URL(p, base))).json();
  const session = await get(contract.getSession.path);
  const answers: Record<string, unknown> = {};
  for (const r of requests) answers[bootKey(r)] = await get(buildUrl(contract[r.name], undefined, r.query));
  return { session, answers };
};

const draw = async (path: string, boot?: TBootData, lang: "ja" | "en" = "ja") =>
  renderFirstScreen({ url: `${base}${path}`, boot: boot ?? (await bootFor(path)), lang });

describe("renderFirstScreen", () => {
  it("draws the shell, the headline figures, the deadlines and the bar charts, and not the rest", async () => {
    // Any request the render made would be unhandled and fail the test: it must use the answers only.
    const boot = await bootFor("/");
    server.use(
      http.all("*", ({ request }) => {
        throw new Error(`the server-side render asked for ${request.url}`);
      }),
    );
    const html = (await draw("/", boot)) as string;
    expect(html).toContain('class="app-header');
    expect(html).toContain("概要:委託先の事故と是正");
    // The case's figures as the record has them: 1,909 people affected (延べ), 未報告 never 0.
    expect(html).toMatch(/<span class="figure">1,909<\/span><span class="ov-unit">名<\/span>/);
    expect(html).toContain('<span class="not-reported">未報告</span>');
    expect(html).toContain("Demo editor");
    // The deadlines and the bar charts (plain SVG, nothing to measure) with the words on their marks.
    expect(html).toContain("dl-panel");
    expect(html.match(/class="ov-bars"/g)).toHaveLength(4);
    for (const words of ["46名", "1,860名", "3名", "1,854名", "未報告 3名"]) {
      expect(html).toContain(`class="ov-mark-words">${words}</text>`);
    }
    // The progress chart (recharts, drawn once measured) waits for the browser, as does the page's end.
    expect(html).toContain("chart-waiting");
    expect(html).not.toContain("recharts");
    expect(html).not.toContain("ov-timeline");
  });

  it("draws in English for a reader who chose it", async () => {
    const html = (await draw("/", undefined, "en")) as string;
    expect(html).toContain('lang="ja"'); // the toggle offers the other language
    expect(html).toMatch(/<span class="figure">1,909<\/span>/);
    expect(html).not.toContain("概要:委託先の事故と是正");
  });

  it("draws nothing when an answer is missing, for another page, or without a session", async () => {
    const boot = await bootFor("/");
    const key = Object.keys(boot.answers).find((k) => k.startsWith("getOverview ")) as string;
    const { [key]: _missing, ...rest } = boot.answers;
    server.use(
      http.all("*", () => {
        throw new Error("no request");
      }),
    );
    expect(await draw("/", { session: boot.session, answers: rest })).toBeNull();
    expect(await draw("/incidents", boot)).toBeNull();
    expect(await draw("/", { session: null, answers: boot.answers })).toBeNull();
  });

  it("keeps two readers drawn at once apart", async () => {
    const editor = await bootFor("/");
    resetMockAuth("viewer");
    const viewer = await bootFor("/");
    const [a, b] = await Promise.all([draw("/", editor), draw("/", viewer), draw("/", editor)]);
    expect(a).toContain("Demo editor");
    expect(a).not.toContain("Demo viewer");
    expect(b).toContain("Demo viewer");
    expect(b).not.toContain("Demo editor");
    // Nothing stays behind for the next render: without answers (and no server), nothing is drawn.
    server.use(
      http.all("*", () => {
        throw new Error("no request");
      }),
    );
    expect(await draw("/", { session: editor.session, answers: {} })).toBeNull();
  });
});
