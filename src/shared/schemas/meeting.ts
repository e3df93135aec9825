import { z } from "zod";
import { versionField, ZFigure, ZFiscalYear, ZId, ZIsoDate, ZSourceRef, ZText } from "./common";

export const ZMeetingItem = z.strictObject({
  id: ZId,
  title: ZText,
  incidentIds: z.array(ZId),
  documentIds: z.array(ZId),
  presentedByIds: z.array(ZId),
  note: ZText.nullable(),
});

export const ZVendorAttendance = z.strictObject({
  vendorId: ZId,
  people: ZFigure,
  role: ZText.nullable(),
});

export const ZResolutionKind = z.enum(["warning", "demand", "policy", "review"]);

export const ZResolution = z.strictObject({
  id: ZId,
  kind: ZResolutionKind,
  text: ZText,
  quote: z.string().nullable(),
  /** The agenda item it was resolved under; null for a resolution of the whole meeting. */
  itemId: ZId.nullable().default(null),
  targetVendorIds: z.array(ZId),
  commitmentIds: z.array(ZId),
  note: ZText.nullable(),
  source: ZSourceRef,
});
export type TResolution = z.infer<typeof ZResolution>;

export const ZMeeting = z.strictObject({
  id: ZId,
  fiscalYear: ZFiscalYear,
  number: z.number().int().min(1),
  kind: z.enum(["regular", "extraordinary"]),
  title: ZText,
  date: ZIsoDate,
  items: z.array(ZMeetingItem),
  vendorAttendees: z.array(ZVendorAttendance),
  resolutions: z.array(ZResolution),
  source: ZSourceRef,
  /** Set when the meeting is closed: its figures are frozen in a snapshot and it can no longer be edited. */
  closed: z
    .strictObject({ at: z.iso.datetime(), byName: z.string().min(1).max(200) })
    .nullable()
    .default(null),
  ...versionField,
});
export type TMeeting = z.infer<typeof ZMeeting>;
