/*
 * The name an organisation has until an administrator sets it (an empty database). Kept apart from the
 * zod schemas so that the app's first screen can tell a blank organisation without loading zod.
 */

export const BLANK_ORGANISATION_NAME = {
  ja: "(組織名未設定)",
  en: "(organisation name not set)",
} as const;

/** The organisation still carries the placeholder name: nobody has set it yet. */
export const isBlankOrganisation = (organisation: { name: { ja: string; en: string } }) =>
  organisation.name.ja === BLANK_ORGANISATION_NAME.ja;
