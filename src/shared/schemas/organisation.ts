import { z } from "zod";
import { BLANK_ORGANISATION_NAME } from "../blank-organisation";
import { versionField, ZId, ZText } from "./common";

/*
 * The organisation whose vendors the board oversees, and the words it uses: what its board is called, what
 * it calls the people it serves, the kinds of vendor it deals with. Every text of the app that would
 * otherwise name one organisation's words takes them from here.
 */

/**
 * The legal form decides which law sets the board-report interval (一般社団・財団法人法 Art. 91(2)/197, 会社法
 * Art. 363(2)); forms without such a rule leave the board-report clock off.
 */
export const ZLegalForm = z.enum([
  "general_incorporated_association",
  "public_interest_incorporated_association",
  "general_incorporated_foundation",
  "public_interest_incorporated_foundation",
  "stock_company",
  "cooperative",
  "npo",
  "other",
]);
export type TLegalForm = z.infer<typeof ZLegalForm>;

/** A group of people the organisation serves or holds data of: its members, customers, users… */
export const ZPopulation = z.strictObject({
  id: ZId,
  /** What the people are called (会員 / members); used in every count of them. */
  name: ZText,
  /** Whose people they are, when not the organisation's own (a client's customers); null = its own. */
  ofWhom: ZText.nullable(),
});
export type TPopulation = z.infer<typeof ZPopulation>;

/** A kind of vendor (insurer, printer, call centre…): an editable list, so any trade fits. */
export const ZVendorKind = z.strictObject({ id: ZId, name: ZText });
export type TVendorKind = z.infer<typeof ZVendorKind>;

export const ZOrganisation = z.strictObject({
  id: ZId,
  name: ZText,
  shortName: ZText,
  /** 理事会 / 取締役会 / …: how every page names the body the dashboard serves. */
  boardName: ZText,
  /** 年度 starts in April for Japanese associations; kept as data, not hard-coded in views. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  legalForm: ZLegalForm,
  populations: z.array(ZPopulation).min(1).max(50),
  vendorKinds: z.array(ZVendorKind).min(1).max(50),
  ...versionField,
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

const t = (ja: string, en: string) => ({ ja, en });

/** The kinds a new organisation starts with; it may rename them and add its own. */
export const DEFAULT_VENDOR_KINDS: TVendorKind[] = [
  { id: "insurer", name: t("保険会社", "Insurer") },
  { id: "agency", name: t("保険代理店", "Insurance agency") },
  { id: "contractor", name: t("業務委託先(BPO)", "Contractor (BPO)") },
  { id: "printer", name: t("印刷・発送業者", "Printer / mailing house") },
  { id: "call-centre", name: t("コールセンター", "Call centre") },
  { id: "system-provider", name: t("システム・クラウド事業者", "System or cloud provider") },
  { id: "other", name: t("その他", "Other") },
];

/** What an organisation without settings starts from (an empty database): everything editable by an admin. */
export const blankOrganisation = (): TOrganisation => ({
  id: "organisation",
  name: { ...BLANK_ORGANISATION_NAME },
  shortName: t("本会", "the organisation"),
  boardName: t("理事会", "Board"),
  fiscalYearStartMonth: 4,
  legalForm: "general_incorporated_association",
  populations: [{ id: "members", name: t("会員", "members"), ofWhom: null }],
  vendorKinds: DEFAULT_VENDOR_KINDS,
  version: 1,
});
