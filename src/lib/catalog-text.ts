import type { TMessageKey } from "@/i18n/catalog";
import { translate } from "@/i18n/i18n";

/** A catalog message in both languages, for components that take a bilingual text (NotReported's `missing`). */
export const catalogText = (key: TMessageKey) => ({ ja: translate("ja", key), en: translate("en", key) });
