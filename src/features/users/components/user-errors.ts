import { message } from "@/i18n/i18n";
import type { TMessage } from "@/i18n/message-types";
import type { TErrorWords } from "@/lib/form-errors";

type TUserField = "username" | "displayName" | "role" | "disabled" | "password";

const FIELDS: ReadonlySet<string> = new Set<TUserField>([
  "username",
  "displayName",
  "role",
  "disabled",
  "password",
]);

const isUserField = (path: string): path is TUserField => FIELDS.has(path);

/**
 * A field error, from the server or from the same contract schema checked here, in the reader's
 * language: the code says what is wrong, the field says what the rule is.
 */
export const userFieldMessage = (field: TUserField, error: { code: string }): TMessage => {
  // A blank value is read as "required" by the form kit; here it breaks the field's rule like too short.
  const code = error.code === "required" ? "too_small" : error.code;
  if (code === "taken") return message("users.errUsernameTaken");
  if (code === "last_admin") return message("users.errLastAdmin");
  if (code === "invalid_type") return message(field === "role" ? "users.errRole" : "users.errRequired");
  switch (field) {
    case "username":
      return message("users.errUsernameFormat");
    case "displayName":
      return code === "too_big"
        ? message("users.errTooLong", { max: 80 })
        : code === "too_small"
          ? message("users.errRequired")
          : message("users.errInvalid");
    case "password":
      if (code === "too_short") return message("editing.err_too_short");
      if (code === "too_few_distinct") return message("editing.err_too_few_distinct");
      if (code === "mentions_user") return message("editing.err_mentions_user");
      if (code === "too_guessable") return message("editing.err_too_guessable");
      return code === "too_big"
        ? message("users.errTooLong", { max: 256 })
        : code === "too_small"
          ? message("users.errPasswordShort")
          : message("users.errInvalid");
    case "role":
      return message("users.errRole");
    default:
      return message("users.errInvalid");
  }
};

/** What a refusal of the whole form says on the users page. */
const formMessage = (code: string): TMessage => {
  switch (code) {
    case "summary":
      return message("users.errorSummary");
    // The body as a whole was refused: an update that changes nothing.
    case "custom":
      return message("users.nothingChanged");
    case "forbidden":
      return message("users.errForbidden");
    case "not_found":
      return message("users.errNotFound");
    default:
      return message("users.errGeneric");
  }
};

/** The users page's own words for the form kit's errors (see TErrorWords). */
export const userWords: TErrorWords = (error, path) => {
  if (path === "") return formMessage(error.code);
  return isUserField(path) ? userFieldMessage(path, error) : undefined;
};
