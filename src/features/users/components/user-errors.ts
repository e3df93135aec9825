import type { TMessageKey } from "@/i18n/catalog";
import type { TVars } from "@/i18n/i18n";
import { ApiError, bodyFieldErrors } from "@/lib/api-client";
import type { TFieldError } from "@/shared/schemas/problem";

export type TMessage = { key: TMessageKey; vars?: TVars };
export type TUserField = "username" | "displayName" | "role" | "disabled" | "password";
export type TFieldMessages = Partial<Record<TUserField, TMessage>>;

const FIELDS: readonly TUserField[] = ["username", "displayName", "role", "disabled", "password"];

/**
 * A field error, from the server or from the same contract schema checked here, in the reader's
 * language: the code says what is wrong, the field says what the rule is.
 */
export const userFieldMessage = (field: TUserField, error: TFieldError): TMessage => {
  const { code } = error;
  if (code === "taken") return { key: "users.errUsernameTaken" };
  if (code === "last_admin") return { key: "users.errLastAdmin" };
  if (code === "invalid_type") return { key: field === "role" ? "users.errRole" : "users.errRequired" };
  switch (field) {
    case "username":
      return { key: "users.errUsernameFormat" };
    case "displayName":
      return code === "too_big"
        ? { key: "users.errTooLong", vars: { max: 80 } }
        : code === "too_small"
          ? { key: "users.errRequired" }
          : { key: "users.errInvalid" };
    case "password":
      return code === "too_big"
        ? { key: "users.errTooLong", vars: { max: 256 } }
        : code === "too_small"
          ? { key: "users.errPasswordShort" }
          : { key: "users.errInvalid" };
    case "role":
      return { key: "users.errRole" };
    default:
      return { key: "users.errInvalid" };
  }
};

export const userFieldMessages = (errors: Record<string, TFieldError>): TFieldMessages => {
  const out: TFieldMessages = {};
  for (const field of FIELDS) {
    const error = errors[field];
    if (error) out[field] = userFieldMessage(field, error);
  }
  return out;
};

/** What a refused write means for the form: messages by field, and one for the whole form. */
export const refusalOf = (error: unknown): { fields: TFieldMessages; form: TMessage } => {
  if (error instanceof ApiError) {
    const fields = userFieldMessages(bodyFieldErrors(error.problem));
    if (Object.keys(fields).length > 0) return { fields, form: { key: "users.errorSummary" } };
    if (error.status === 400 && error.problem?.errors?.some((e) => e.field === "(root)")) {
      return { fields, form: { key: "users.nothingChanged" } };
    }
    if (error.status === 403) return { fields, form: { key: "users.errForbidden" } };
    if (error.status === 404) return { fields, form: { key: "users.errNotFound" } };
  }
  return { fields: {}, form: { key: "users.errGeneric" } };
};
