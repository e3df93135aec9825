import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import type { TLang } from "@/i18n/catalog";
import { I18nProvider, setTerms, useI18n } from "@/i18n/i18n";
import type { TAuditEntry } from "@/shared/schemas/audit";
import {
  actionLabel,
  actorName,
  changedFields,
  changeWords,
  fieldLabel,
  recordName,
  recordPath,
  valueWords,
} from "./audit-text";

const i18nIn = (lang: TLang) =>
  renderHook(() => useI18n(), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <I18nProvider initialLang={lang}>{children}</I18nProvider>
    ),
  }).result.current;

const src = { documentId: "notice", cites: [] };
const refundBefore = {
  id: "coh-3-refund",
  incidentId: "inc-3",
  label: { ja: "二重請求された加入者への返金", en: "Refunds to the members billed twice" },
  members: { status: "reported", value: 3, source: src },
  status: "in_progress",
  progress: [],
  version: 1,
};
const refundAfter = {
  ...refundBefore,
  status: "completed",
  progress: [{ id: "pe-1", date: "2025-09-30", doneCount: { status: "reported", value: 3, source: src } }],
  version: 2,
};

const entry = (over: Partial<TAuditEntry>): TAuditEntry => ({
  seq: 1,
  at: "2025-10-01T05:03:00.000Z",
  actor: { id: "usr-x", username: "demo-editor", displayName: "Demo editor" },
  action: "addProgressEvent",
  entityType: "cohort",
  entityId: "coh-3-refund",
  before: refundBefore,
  after: refundAfter,
  prevHash: "0".repeat(64),
  hash: "1".repeat(64),
  ...over,
});

describe("audit entries in words", () => {
  it("finds the changed fields only: not the version, not key order, not equal values", () => {
    expect(changedFields(entry({})).map((c) => c.field)).toEqual(["status", "progress"]);
    const reordered = { ...refundBefore, label: { en: refundBefore.label.en, ja: refundBefore.label.ja } };
    expect(changedFields({ before: refundBefore, after: { ...reordered, version: 9 } })).toEqual([]);
    expect(changedFields({ before: { a: 1 }, after: { b: 2 } })).toEqual([
      { field: "a", before: 1, after: undefined },
      { field: "b", before: undefined, after: 2 },
    ]);
    // A creation: every field it was created with, except the version.
    expect(changedFields({ before: null, after: refundBefore }).map((c) => c.field)).toEqual([
      "id",
      "incidentId",
      "label",
      "members",
      "status",
      "progress",
    ]);
  });

  it("says what changed as the pages say it (ja)", () => {
    const ja = i18nIn("ja");
    const [status, progress] = changedFields(entry({}));
    expect(changeWords(ja, "cohort", status as never)).toBe("状態:対応中 → 完了(委託先報告)");
    expect(changeWords(ja, "cohort", progress as never)).toBe("進捗:(なし) → 1件");
    expect(valueWords(ja, "cohort", "members", refundBefore.members)).toBe("3");
    expect(
      valueWords(ja, "cohort", "amountPerPersonYen", { status: "not_reported", missing: refundBefore.label }),
    ).toBe("未報告");
    expect(
      valueWords(ja, "cohort", "amountPerPersonYen", { status: "reported", value: 200, source: src }),
    ).toBe("200円");
    expect(valueWords(ja, "commitment", "dueDate", "2025-09-30")).toBe("2025年9月30日");
    // The organisation's own words: {org} is filled from its settings, never a fixed name.
    setTerms({
      ja: { org: "当組合", board: "理事会", people: "組合員" },
      en: { org: "the co-op", board: "board", people: "members" },
    });
    expect(valueWords(ja, "commitment", "status", "verified")).toBe("当組合が確認済み");
    setTerms(null);
    expect(valueWords(ja, "incident", "status", "closed")).toBe("完了");
    expect(valueWords(ja, "incident", "vendorIds", ["sompo", "partners"])).toBe("sompo、partners");
    expect(valueWords(ja, "cohort", "methods", ["refund", "rebilling"])).toBe("返金、再請求");
    expect(valueWords(ja, "user", "role", "admin")).toBe("管理者");
    expect(valueWords(ja, "user", "disabled", true)).toBe("はい");
    expect(valueWords(ja, "user", "passwordChanged", true)).toBe("設定しました(内容は記録しません)");
    expect(valueWords(ja, "commitment", "evidence", null)).toBe("(なし)");
    expect(valueWords(ja, "settings", "dayCounting", "include_first_day")).toBe("初日算入(当日から数える)");
    // A field this list does not know yet: its own name, never a bare catalog key.
    expect(fieldLabel(ja, "somethingNew")).toBe("somethingNew");
    expect(actionLabel(ja, "verifyCommitment")).toBe("完了を確認");
    expect(actionLabel(ja, "someNewAction")).toBe("someNewAction");
  });

  it("words the fields of cases, the organisation and the new record shapes", () => {
    const ja = i18nIn("ja");
    const en = i18nIn("en");
    for (const field of [
      "chain",
      "dataRole",
      "impact",
      "populationId",
      "kindId",
      "subcontractorOf",
      "caseId",
      "history",
      "statusChange",
      "url",
      "itemId",
      "boardName",
      "fiscalYearStartMonth",
      "legalForm",
      "populations",
      "vendorKinds",
      "people",
    ]) {
      expect(fieldLabel(ja, field)).not.toBe(field);
      expect(fieldLabel(en, field)).not.toBe(field);
    }
    expect(fieldLabel(ja, "chain")).toBe("委託の経路(委託先 → 再委託先)");
    expect(valueWords(ja, "case", "status", "closed")).toBe("終結");
    expect(valueWords(ja, "organisation", "legalForm", "stock_company")).toBe("株式会社");
    expect(valueWords(en, "organisation", "fiscalYearStartMonth", 4)).toBe("month 4");
    expect(valueWords(ja, "organisation", "fiscalYearStartMonth", 4)).toBe("4月");
    expect(valueWords(ja, "incident", "dataRole", "none")).toBe("個人データなし");
    expect(valueWords(ja, "service", "kind", "mailing")).toBe("印刷・発送(DM等)");
    // "Confirmed none" is its own state: neither 0 nor 未報告.
    expect(valueWords(ja, "cohort", "people", { status: "confirmed_none", source: src })).toBe(
      "確認の結果なし",
    );
    expect(actionLabel(ja, "updateOrganisation")).toBe("組織の設定を変更");
    expect(actionLabel(en, "createCase")).toBe("Case created");
    const organisation = {
      id: "organisation",
      name: { ja: "甲組合", en: "Kō co-op" },
      shortName: { ja: "当組合", en: "the co-op" },
    };
    const changed = entry({
      entityType: "organisation",
      entityId: "organisation",
      before: null,
      after: organisation,
    });
    expect(recordName(ja, changed)).toBe("当組合");
    expect(recordPath(changed)).toBe("/admin/organisation");
    const aCase = entry({
      entityType: "case",
      entityId: "case-1",
      after: { title: { ja: "事案A", en: "Case A" } },
    });
    expect(recordName(en, aCase)).toBe("Case A");
    expect(recordPath(aCase)).toBe("/cases/case-1");
    expect(recordPath(entry({ entityType: "product", entityId: "prod-1" }))).toBeNull();
  });

  it("says it in English too, and names who did it", () => {
    const en = i18nIn("en");
    expect(changeWords(en, "cohort", changedFields(entry({}))[0] as never)).toBe(
      "Status: In progress → Completed (vendor's report)",
    );
    expect(actorName(en, { id: "system", username: "system", displayName: "npm run user:add" })).toBe(
      "System (npm run user:add)",
    );
    expect(actorName(en, { id: "usr-1", username: "hanako", displayName: "Hanako" })).toBe("Hanako");
  });

  it("names the record and the page that shows it", () => {
    const ja = i18nIn("ja");
    expect(recordName(ja, entry({}))).toBe("二重請求された加入者への返金");
    expect(recordPath(entry({}))).toBe("/incidents/inc-3");
    const incident = { id: "inc-3", number: 3, title: { ja: "二重請求", en: "Double billing" } };
    expect(recordName(ja, entry({ entityType: "incident", entityId: "inc-3", after: incident }))).toBe(
      "事故3 二重請求",
    );
    expect(recordPath(entry({ entityType: "commitment", entityId: "cmt-2" }))).toBe("/commitments#cmt-2");
    expect(recordPath(entry({ entityType: "service", after: { vendorIds: ["sompo"] } }))).toBe(
      "/vendors/sompo",
    );
    const user = { id: "usr-1", username: "hanako", displayName: "Hanako" };
    expect(recordName(ja, entry({ entityType: "user", after: user }))).toBe("Hanako(hanako)");
    expect(recordPath(entry({ entityType: "user" }))).toBe("/admin/users");
    expect(recordPath(entry({ entityType: "settings" }))).toBeNull();
  });
});
