import { type TDataset, type TDatasetInput, ZDataset } from "@/shared/schemas/dataset";
import { case2025 } from "@/shared/seed/case-2025";

/*
 * For the overview's tests: the demo case and a second, made-up case of another shape beside it — a
 * printing house (a contractor's subcontractor) hit by ransomware, its client's customers counted in
 * records (件), the organisation's own members affected but not counted yet (未報告), a press figure
 * from outside the record, and letters sent (a notification group, never money). Not shipped as data.
 */

const t = (ja: string, en: string) => ({ ja, en });
const src = (documentId: string) => ({ documentId, cites: [] });

const second: Pick<
  TDatasetInput,
  "cases" | "vendors" | "services" | "documents" | "incidents" | "cohorts" | "commitments"
> = {
  cases: [
    {
      id: "case-print",
      title: t("印刷委託先のランサムウェア被害", "Ransomware at the printing subcontractor"),
      summary: null,
      status: "open",
    },
  ],
  vendors: [
    {
      id: "bpo",
      name: t("業務委託株式会社", "BPO Ltd."),
      shortName: t("業務委託社", "BPO"),
      kindId: "contractor",
      subcontractorOf: [],
      serviceIds: ["dm"],
    },
    {
      id: "printer",
      name: t("印刷発送株式会社", "Print & Mail Ltd."),
      shortName: t("印刷発送社", "Print & Mail"),
      kindId: "printer",
      subcontractorOf: ["bpo"],
      serviceIds: ["dm"],
    },
  ],
  services: [
    {
      id: "dm",
      name: t("案内状の印刷・発送", "Mailing of notices"),
      kind: "mailing",
      vendorIds: ["bpo", "printer"],
      populationId: "customers",
      changes: [],
    },
  ],
  documents: [
    {
      id: "print-report",
      label: t("委託先報告書", "Vendor report"),
      title: t("ランサムウェア被害に関するご報告", "Report on the ransomware attack"),
      kind: "report",
      issuerIds: ["bpo"],
      publisher: null,
      date: "2026-06-10",
      outsideRecord: false,
      statements: [],
    },
    {
      id: "print-press",
      label: t("業界紙記事", "Trade press"),
      title: t("印刷会社にランサムウェア", "Printer hit by ransomware"),
      kind: "press",
      issuerIds: [],
      publisher: t("業界紙", "Trade press"),
      date: "2026-06-05",
      outsideRecord: true,
      statements: [],
    },
  ],
  incidents: [
    {
      id: "inc-print",
      number: 4,
      caseId: "case-print",
      title: t("印刷委託先のランサムウェアによる情報漏えい", "Data leak by ransomware at the printer"),
      category: "cyberattack",
      status: "open",
      fiscalYear: 2026,
      vendorIds: ["bpo", "printer"],
      chain: ["bpo", "printer"],
      dataRole: "entrusted_by_organisation",
      summary: t("印刷委託先のサーバーが暗号化された。", "The printer's servers were encrypted."),
      system: null,
      cause: null,
      impact: [
        {
          id: "print-records",
          scope: "ours",
          serviceId: "dm",
          populationId: "customers",
          unit: "records",
          count: { status: "reported", value: 3200, source: src("print-report") },
          note: null,
          outsideRecord: false,
        },
        {
          id: "print-members",
          scope: "ours",
          serviceId: null,
          populationId: "members",
          unit: "people",
          count: {
            status: "not_reported",
            missing: t("会員の人数", "how many members"),
            source: src("print-report"),
          },
          note: null,
          outsideRecord: false,
        },
        // The trade press counts more of the client's customers than the vendor reported: beside, never summed.
        {
          id: "print-press-count",
          scope: "ours",
          serviceId: null,
          populationId: "customers",
          unit: "records",
          count: { status: "reported", value: 3500, source: src("print-press") },
          note: null,
          outsideRecord: true,
        },
      ],
      dataCategories: [],
      misuse: { status: "not_reported", asOf: null, source: src("print-report") },
      milestones: [
        {
          id: "print-occurred",
          kind: "occurred",
          date: "2026-05-28",
          endDate: null,
          note: null,
          source: src("print-report"),
          outsideRecord: false,
        },
        {
          id: "print-detected",
          kind: "detected",
          date: "2026-05-30",
          endDate: null,
          note: null,
          source: src("print-report"),
          outsideRecord: false,
        },
        {
          id: "print-reported",
          kind: "reported_to_organisation",
          date: "2026-06-10",
          endDate: null,
          note: null,
          source: src("print-report"),
          outsideRecord: false,
        },
      ],
      contact: null,
      documentIds: ["print-report", "print-press"],
    },
  ],
  cohorts: [
    {
      id: "print-letters",
      incidentId: "inc-print",
      parentId: null,
      label: t("顧客へのお詫び状", "Apology letters to customers"),
      purpose: "notification",
      populationId: "customers",
      people: { status: "reported", value: 3200, source: src("print-report") },
      amountPerPersonYen: null,
      methods: ["apology_letter"],
      status: "in_progress",
      statusSource: src("print-report"),
      progress: [
        {
          id: "print-letters-1",
          cohortId: "print-letters",
          date: "2026-06-20",
          doneCount: { status: "reported", value: 1000, source: src("print-report") },
          note: null,
          statusChange: { from: "not_started", to: "in_progress" },
          source: src("print-report"),
        },
        {
          id: "print-letters-2",
          cohortId: "print-letters",
          date: "2026-07-10",
          doneCount: { status: "reported", value: 3000, source: src("print-report") },
          note: null,
          source: src("print-report"),
        },
      ],
    },
  ],
  commitments: [
    {
      id: "print-promise",
      kind: "vendor_promise",
      text: t("再委託先の監査を行う", "Audit the subcontractor"),
      quote: null,
      owedByIds: ["bpo"],
      incidentIds: ["inc-print"],
      madeInDocumentId: "print-report",
      madeAtMeetingId: null,
      madeOn: "2026-06-10",
      dueDate: "2026-07-31",
      reportedDoneDate: null,
      verifiedDate: null,
      evidence: null,
      status: "open",
      source: src("print-report"),
    },
  ],
};

/** The demo case and the printing-house case, with the customers as a second population. */
export const twoCases: TDataset = ZDataset.parse({
  ...case2025,
  organisation: {
    ...case2025.organisation,
    populations: [
      ...case2025.organisation.populations,
      { id: "customers", name: t("顧客", "customers"), ofWhom: t("取引先", "a client") },
    ],
  },
  cases: [...case2025.cases, ...(second.cases ?? [])],
  vendors: [...case2025.vendors, ...(second.vendors ?? [])],
  services: [...case2025.services, ...(second.services ?? [])],
  documents: [...case2025.documents, ...(second.documents ?? [])],
  incidents: [...case2025.incidents, ...(second.incidents ?? [])],
  cohorts: [...case2025.cohorts, ...(second.cohorts ?? [])],
  commitments: [...case2025.commitments, ...(second.commitments ?? [])],
} satisfies TDatasetInput);
