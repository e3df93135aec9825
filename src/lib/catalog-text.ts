import { translate } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";

/** A catalog message in both languages, for components that take a bilingual text (NotReported's `missing`). */
export const catalogText = (key: TPlainKey) => ({ ja: translate("ja", key), en: translate("en", key) });
