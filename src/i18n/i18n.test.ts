import { loadAllNamespaces } from "./catalog";
import { setTerms, translate, translatePlural } from "./i18n";

describe("the organisation's words in the texts", () => {
  beforeAll(() => loadAllNamespaces());
  afterEach(() => setTerms(null));

  it("fills {org}, {board} and {people} from the organisation, and a caller's words win", () => {
    setTerms({
      ja: { org: "当組合", board: "理事会", people: "組合員" },
      en: { org: "the co-op", board: "board of directors", people: "co-op members" },
    });
    expect(translate("ja", "domain.milestone.organisation_notice")).toBe("当組合から組合員へ周知");
    expect(translate("ja", "common.outsideRecord")).toBe("当組合の記録外(公表情報)");
    expect(translate("en", "common.outsideRecord")).toBe("Outside the co-op's record (published)");
    expect(translate("ja", "domain.milestone.organisation_notice", { people: "顧客" })).toBe(
      "当組合から顧客へ周知",
    );
  });

  it("starts an English text with a capital when it starts with the organisation's word", () => {
    setTerms({
      ja: { org: "当組合", board: "理事会", people: "組合員" },
      en: { org: "the co-op", board: "board of directors", people: "co-op members" },
    });
    expect(translate("en", "domain.milestone.organisation_notice")).toBe(
      "The co-op informed its co-op members",
    );
    expect(translate("en", "domain.commitmentKind.board_demand")).toBe("Board of directors demand");
    // Other values at the start are left as they are (a vendor's own spelling).
    expect(translate("en", "common.chartTableCaption", { title: "e-Bridge" })).toBe("e-Bridge (table)");
  });

  it("uses neutral words until the organisation's settings arrive", () => {
    expect(translate("ja", "common.outsideRecord")).toBe("本会の記録外(公表情報)");
    expect(translate("en", "domain.deadlineOwner.organisation")).toBe("The organisation's duty");
  });
});

describe("counted texts", () => {
  beforeAll(() => loadAllNamespaces());

  it("take the count's plural form in English and one form in Japanese", () => {
    expect(translatePlural("en", "common.people", 1)).toBe("1 person");
    expect(translatePlural("en", "common.people", 0)).toBe("0 people");
    expect(translatePlural("en", "common.people", 1860)).toBe("1,860 people");
    expect(translatePlural("ja", "common.people", 1)).toBe("1名");
    expect(translatePlural("en", "deadlines.daysLate", 1)).toBe("1 day overdue");
    expect(translatePlural("en", "deadlines.daysLeft", 3)).toBe("3 days left");
  });

  it("keep a caller's own {n} (a decimal, a mark) while the count picks the form", () => {
    expect(translatePlural("en", "common.days", 1.5, { n: "1.5" })).toBe("1.5 days");
    expect(translatePlural("en", "common.days", 1, { n: "1.0" })).toBe("1.0 day");
  });
});
