import { z } from "zod";
import { ZVersion } from "./common";

/**
 * Whether the day a clock starts counts as day 1 (`include_first_day`) or the count starts the next day
 * (`exclude_first_day`, Japan's Civil Code Art. 140 default). Deadlines depend on it; it is a setting,
 * not a fact of the case.
 */
export const ZDayCounting = z.enum(["exclude_first_day", "include_first_day"]);
export type TDayCounting = z.infer<typeof ZDayCounting>;

export const ZSettings = z.strictObject({ dayCounting: ZDayCounting, version: ZVersion });
export type TSettings = z.infer<typeof ZSettings>;

export const ZSettingsUpdate = z.strictObject({ dayCounting: ZDayCounting, version: ZVersion });
