import { act, render } from "@testing-library/react";
import { I18nProvider, setTerms, type TTerms, useI18n } from "@/i18n/i18n";

const WORDS: TTerms = {
  ja: { org: "協会", board: "役員会", people: "顧客" },
  en: { org: "the association", board: "executive board", people: "customers" },
};

type TApply = (t: TTerms | null) => void;

/** A text naming the board, which counts its renders and hands its test the provider's setTerms. */
const Reader = ({ renders, onTerms }: { renders: { n: number }; onTerms: (set: TApply) => void }) => {
  const { t, setTerms: applyTerms } = useI18n();
  renders.n += 1;
  onTerms(applyTerms);
  return <p>{t("common.appName")}</p>;
};

const mount = () => {
  const renders = { n: 0 };
  let apply: TApply = () => undefined;
  const { container } = render(
    <I18nProvider initialLang="ja">
      <Reader renders={renders} onTerms={(set) => (apply = set)} />
    </I18nProvider>,
  );
  return { renders, container, apply: (words: TTerms) => act(() => apply(words)) };
};

describe("the organisation's words in the provider", () => {
  afterEach(() => setTerms(null));

  it("re-renders nothing when the words handed over are the ones already set (the app adopting the server's page)", () => {
    // src/app/app.tsx sets the words before the app's first render.
    setTerms(WORDS);
    const { renders, container, apply } = mount();
    const first = renders.n;
    expect(container.textContent).toBe("役員会ダッシュボード");
    apply(WORDS);
    expect(renders.n).toBe(first);
  });

  it("re-renders every text when other words arrive", () => {
    const { renders, container, apply } = mount();
    expect(container.textContent).toBe("理事会ダッシュボード");
    const first = renders.n;
    apply(WORDS);
    expect(renders.n).toBeGreaterThan(first);
    expect(container.textContent).toBe("役員会ダッシュボード");
  });
});
