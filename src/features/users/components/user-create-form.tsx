import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useI18n } from "@/i18n/i18n";
import { schemaFieldErrors } from "@/lib/api-client";
import { contract } from "@/shared/contract";
import type { TRole, TUser } from "@/shared/schemas/auth";
import { userMutations, userQueries } from "../api/queries";
import { refusalOf, type TFieldMessages, type TMessage, userFieldMessages } from "./user-errors";
import { UserField } from "./user-field";
import { RoleSelect } from "./user-role";

type TValues = { username: string; displayName: string; role: TRole; password: string };
const EMPTY: TValues = { username: "", displayName: "", role: "viewer", password: "" };
const ORDER = ["username", "displayName", "role", "password"] as const;

/** Adds a user. A refusal keeps everything typed and puts each reason next to its field. */
export const UserCreateForm = ({ onCreated }: { onCreated: (user: TUser) => void }) => {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<TValues>(EMPTY);
  const [errors, setErrors] = useState<TFieldMessages>({});
  const [formError, setFormError] = useState<TMessage | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = (found: TFieldMessages) => {
    const first = ORDER.find((f) => found[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const create = useMutation({
    ...userMutations.create(),
    onSuccess: (user) => {
      setValues(EMPTY);
      setErrors({});
      setFormError(null);
      void queryClient.invalidateQueries({ queryKey: userQueries.all() });
      onCreated(user);
    },
    onError: (error) => {
      const refusal = refusalOf(error);
      setErrors(refusal.fields);
      setFormError(refusal.form);
      focusFirstInvalid(refusal.fields);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setFormError(null);
    // The contract's own schema, so the form refuses exactly what the server would.
    const found = userFieldMessages(schemaFieldErrors(contract.createUser.body, values));
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setFormError({ key: "users.errorSummary" });
      focusFirstInvalid(found);
      return;
    }
    setErrors({});
    create.mutate(values);
  };

  const set = <K extends keyof TValues>(field: K, value: TValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  return (
    <form ref={form} className="user-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("users.createTitle")}</h2>
      {formError ? (
        <p className="form-error" role="alert">
          {t(formError.key, formError.vars)}
        </p>
      ) : null}
      <UserField
        id={`${id}-username`}
        label={t("users.fieldUsername")}
        hint={t("users.fieldUsernameHint")}
        error={errors.username}
      >
        {(control) => (
          <input
            {...control}
            name="username"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.username}
            onChange={(e) => set("username", e.target.value)}
          />
        )}
      </UserField>
      <UserField
        id={`${id}-displayName`}
        label={t("users.fieldDisplayName")}
        hint={t("users.fieldDisplayNameHint")}
        error={errors.displayName}
      >
        {(control) => (
          <input
            {...control}
            name="displayName"
            type="text"
            autoComplete="off"
            value={values.displayName}
            onChange={(e) => set("displayName", e.target.value)}
          />
        )}
      </UserField>
      <UserField id={`${id}-role`} label={t("users.fieldRole")} error={errors.role}>
        {(control) => <RoleSelect {...control} value={values.role} onChange={(role) => set("role", role)} />}
      </UserField>
      <UserField
        id={`${id}-password`}
        label={t("users.fieldPassword")}
        hint={t("users.fieldPasswordHint")}
        error={errors.password}
      >
        {(control) => (
          <input
            {...control}
            name="password"
            type="text"
            autoComplete="new-password"
            autoCapitalize="none"
            spellCheck={false}
            value={values.password}
            onChange={(e) => set("password", e.target.value)}
          />
        )}
      </UserField>
      <button type="submit" className="button" aria-busy={create.isPending}>
        {create.isPending ? t("users.creating") : t("users.createSubmit")}
      </button>
    </form>
  );
};
