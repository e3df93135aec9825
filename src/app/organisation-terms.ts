import type { TTerms } from "@/i18n/i18n";
import type { TOrganisation } from "@/shared/schemas/organisation";

/** The organisation's own words for {org}, {board} and {people}, from its settings. */
export const termsOf = (o: TOrganisation): TTerms => {
  // The first population is the default; the schema requires one (the fallback only keeps types honest).
  const people = o.populations[0]?.name ?? { ja: "対象者", en: "people" };
  return {
    ja: { org: o.shortName.ja, board: o.boardName.ja, people: people.ja },
    en: { org: o.shortName.en, board: o.boardName.en, people: people.en },
  };
};
