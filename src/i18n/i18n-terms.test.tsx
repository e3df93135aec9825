import { act, render } from "@testing-library/react";
import { I18nProvider, setTerms, type TTerms, useI18n } from "@/i18n/i18n";

const WORDS: TTerms = {
  ja: { org: "協会", board: "役員会", people: "顧客" },
  en: { org: "the association", board: "executive board", people: "customers" },
};

/** Counts its renders, and hands its test the provider's setTerms. */
const Reader = ({
  renders,
  onTerms,
}: {
  renders: { n: number };
  onTerms: (set: (t: TTerms | null) => void) => void;
}) => {
  const { t, setTerms: applyTerms } = useI18n();
  renders.n += 1;
  onTerms(applyTerms);
  return <p>{t("common.appName")}</p>;
};

describe("the organisation's words in the provider", () => {
  afterEach(() => setTerms(null));

  it("re-renders nothing when the words handed over are the ones already set (the app adopting the server's page)", () => {
    // src/app/app.tsx sets the words before the app's first render.
    setTerms(WORDS);
    const renders = { n: 0 };
    let apply: (t: TTerms | null) => void = () => undefined;
    const { container } = render(
      <I18nProvider initialLang="ja">
        <Reader renders={renders} onTerms={(set) => (apply = set)} />
      </I18nProvider>,
    );
    const first = renders.n;
    expect(container.textContent).toBe("役員会ダッシュボード");
    act(() => apply(WORDS));
    expect(renders.n).toBe(first);
  });

  it("re-renders every text when other words arrive", () => {
    setTerms(null);
    const renders = { n: 0 };
    let apply: (t: TTerms | null) => void = () => undefined;
    const { container } = render(
      <I18nProvider initialLang="ja">
        <Reader renders={renders} onTerms={(set) => (apply = set)} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe("理事会ダッシュボード");
    const first = renders.n;
    act(() => apply(WORDS));
    expect(renders.n).toBeGreaterThan(first);
    expect(container.textContent).toBe("役員会ダッシュボード");
  });
});
