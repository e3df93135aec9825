import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/i18n/i18n";
import { ApiError, schemaFieldErrors, type TBodyOf } from "@/lib/api-client";
import { contract } from "@/shared/contract";
import { type TRole, type TUser, ZUser } from "@/shared/schemas/auth";
import { userMutations, userQueries } from "../api/queries";
import { refusalOf, type TFieldMessages, type TMessage, userFieldMessages } from "./user-errors";
import { UserField } from "./user-field";
import { RoleSelect, useRoleLabel } from "./user-role";

type TDraft = { displayName: string; role: TRole; disabled: boolean; password: string };
/** The fields the editor changed, without the version: what a re-apply sends again. */
export type TUserChange = Omit<TBodyOf<"updateUser">, "version">;

const draftOf = (user: TUser): TDraft => ({
  displayName: user.displayName,
  role: user.role,
  disabled: user.disabled,
  password: "",
});

export const changeOf = (base: TUser, draft: TDraft): TUserChange => {
  const change: TUserChange = {};
  if (draft.displayName.trim() !== base.displayName) change.displayName = draft.displayName;
  if (draft.role !== base.role) change.role = draft.role;
  if (draft.disabled !== base.disabled) change.disabled = draft.disabled;
  if (draft.password !== "") change.password = draft.password;
  return change;
};

const ORDER = ["displayName", "role", "disabled", "password"] as const;

type TProps = {
  user: TUser;
  onClose: () => void;
  onSaved: (user: TUser) => void;
};

/**
 * Changes one user (name, role, enabled, password) with the version it was read at. When someone else
 * saved first (409), it shows the record as it is now beside this change, and lets the admin re-apply
 * the change on top of it or drop it.
 */
export const UserEditPanel = ({ user, onClose, onSaved }: TProps) => {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<TUser>(user);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(user));
  const [errors, setErrors] = useState<TFieldMessages>({});
  const [formError, setFormError] = useState<TMessage | null>(null);
  const [conflict, setConflict] = useState<{ current: TUser; change: TUserChange } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const conflictHeading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  // Opening the panel (or another user in it) takes the keyboard there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when another user is opened
  useEffect(() => heading.current?.focus(), [user.id]);
  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  const replaceInList = (next: TUser) =>
    queryClient.setQueryData(userQueries.list().queryKey, (old) =>
      old ? { ...old, items: old.items.map((u) => (u.id === next.id ? next : u)) } : old,
    );

  const update = useMutation({
    ...userMutations.update(),
    onSuccess: (saved) => {
      replaceInList(saved);
      void queryClient.invalidateQueries({ queryKey: userQueries.all() });
      setConflict(null);
      onSaved(saved);
    },
    onError: (error, variables) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = ZUser.safeParse(error.problem?.current);
        if (current.success) {
          const { version: _version, ...change } = variables.body;
          replaceInList(current.data);
          setErrors({});
          setFormError(null);
          setConflict({ current: current.data, change });
          return;
        }
      }
      const refusal = refusalOf(error);
      setErrors(refusal.fields);
      setFormError(refusal.form);
      const first = ORDER.find((f) => refusal.fields[f]);
      if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    },
  });

  const send = (version: number, change: TUserChange) => {
    const body = { version, ...change };
    const refused = schemaFieldErrors(contract.updateUser.body, body);
    if (Object.keys(refused).length > 0) {
      const found = userFieldMessages(refused);
      setErrors(found);
      setFormError({ key: Object.keys(found).length > 0 ? "users.errorSummary" : "users.nothingChanged" });
      return;
    }
    setErrors({});
    setFormError(null);
    update.mutate({ userId: user.id, body });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const change = changeOf(base, draft);
    if (Object.keys(change).length === 0) {
      setFormError({ key: "users.nothingChanged" });
      return;
    }
    send(base.version, change);
  };

  const reapply = () => {
    if (!conflict || update.isPending) return;
    const { current, change } = conflict;
    // The form now shows the current record with this change on top, so a refusal of the re-apply
    // (a field error) is shown on the fields, and a second conflict starts from here.
    setBase(current);
    setDraft({
      displayName: change.displayName ?? current.displayName,
      role: change.role ?? current.role,
      disabled: change.disabled ?? current.disabled,
      password: change.password ?? "",
    });
    setConflict(null);
    send(current.version, change);
  };

  const discard = () => {
    if (!conflict) return;
    setBase(conflict.current);
    setDraft(draftOf(conflict.current));
    setConflict(null);
    heading.current?.focus();
  };

  const set = <K extends keyof TDraft>(field: K, value: TDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  return (
    <section className="panel user-edit" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t("users.editTitle", { name: (conflict?.current ?? base).displayName })}
      </h2>
      <p className="user-edit-id">
        <code>{base.username}</code>
      </p>
      {conflict ? (
        <ConflictView
          headingRef={conflictHeading}
          current={conflict.current}
          change={conflict.change}
          onReapply={reapply}
          onDiscard={discard}
        />
      ) : null}
      {formError ? (
        <p className="form-error" role="alert">
          {t(formError.key, formError.vars)}
        </p>
      ) : null}
      <form ref={form} noValidate onSubmit={submit} className="user-form" hidden={conflict !== null}>
        <UserField id={`${id}-displayName`} label={t("users.fieldDisplayName")} error={errors.displayName}>
          {(control) => (
            <input
              {...control}
              name="displayName"
              type="text"
              autoComplete="off"
              value={draft.displayName}
              onChange={(e) => set("displayName", e.target.value)}
            />
          )}
        </UserField>
        <UserField id={`${id}-role`} label={t("users.fieldRole")} error={errors.role}>
          {(control) => <RoleSelect {...control} value={draft.role} onChange={(r) => set("role", r)} />}
        </UserField>
        <div className="field-check">
          <input
            id={`${id}-disabled`}
            name="disabled"
            type="checkbox"
            checked={draft.disabled}
            onChange={(e) => set("disabled", e.target.checked)}
            aria-invalid={errors.disabled ? true : undefined}
            aria-describedby={errors.disabled ? `${id}-disabled-error` : undefined}
          />
          <label htmlFor={`${id}-disabled`}>{t("users.fieldDisabled")}</label>
        </div>
        {errors.disabled ? (
          <p id={`${id}-disabled-error`} className="field-error field-error-check">
            {t(errors.disabled.key, errors.disabled.vars)}
          </p>
        ) : null}
        <UserField
          id={`${id}-password`}
          label={t("users.fieldNewPassword")}
          hint={t("users.fieldNewPasswordHint")}
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
              value={draft.password}
              onChange={(e) => set("password", e.target.value)}
            />
          )}
        </UserField>
        <div className="user-form-actions">
          <button type="submit" className="button" aria-busy={update.isPending}>
            {update.isPending ? t("users.saving") : t("users.save")}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t("users.close")}
          </button>
        </div>
      </form>
    </section>
  );
};

const ConflictView = ({
  headingRef,
  current,
  change,
  onReapply,
  onDiscard,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  current: TUser;
  change: TUserChange;
  onReapply: () => void;
  onDiscard: () => void;
}) => {
  const { t } = useI18n();
  const id = useId();
  const roleLabel = useRoleLabel();
  const status = (disabled: boolean) => t(disabled ? "users.statusDisabled" : "users.statusActive");
  const rows: { key: string; label: string; now: string; mine: string | null }[] = [
    {
      key: "displayName",
      label: t("users.fieldDisplayName"),
      now: current.displayName,
      mine: change.displayName ?? null,
    },
    {
      key: "role",
      label: t("users.fieldRole"),
      now: roleLabel(current.role),
      mine: change.role ? roleLabel(change.role) : null,
    },
    {
      key: "disabled",
      label: t("users.colStatus"),
      now: status(current.disabled),
      mine: change.disabled === undefined ? null : status(change.disabled),
    },
    {
      key: "password",
      label: t("users.fieldNewPassword"),
      now: t("users.conflictPasswordCurrent"),
      mine: change.password ? t("users.conflictNewPassword") : null,
    },
  ];
  return (
    <section className="user-conflict" aria-labelledby={id}>
      <h3 id={id} ref={headingRef} tabIndex={-1}>
        {t("users.conflictTitle")}
      </h3>
      <p>{t("users.conflictLead")}</p>
      <div className="table-scroll">
        <table>
          <caption>{t("users.conflictCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("users.conflictColField")}</th>
              <th scope="col">{t("users.conflictColCurrent")}</th>
              <th scope="col">{t("users.conflictColMine")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.mine !== null ? "user-conflict-changed" : undefined}>
                <th scope="row">{r.label}</th>
                <td>{r.now}</td>
                <td>{r.mine ?? t("users.conflictNoChange")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="user-form-actions">
        <button type="button" className="button" onClick={onReapply}>
          {t("users.reapply")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDiscard}>
          {t("users.discard")}
        </button>
      </div>
    </section>
  );
};
