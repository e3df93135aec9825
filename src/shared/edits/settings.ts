import type { TSettings } from "../schemas/settings";
import { staleRecord, type TEditFailure } from "./engine";

/*
 * Changing the settings, shared by the server and the mocks: version-checked like every record; a change
 * that changes nothing stores and logs nothing.
 */
export const changeSettings = (
  current: TSettings,
  body: { dayCounting: TSettings["dayCounting"]; version: number },
): TEditFailure | { ok: true; next: TSettings | null } => {
  if (body.version !== current.version) return staleRecord(current);
  if (body.dayCounting === current.dayCounting) return { ok: true, next: null };
  return { ok: true, next: { dayCounting: body.dayCounting, version: current.version + 1 } };
};
