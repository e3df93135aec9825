import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type RefObject, useEffect, useId, useRef } from "react";
import { CheckField } from "@/components/form/check-field";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { useI18n } from "@/i18n/i18n";
import { ApiError, type TBodyOf } from "@/lib/api-client";
import { contract } from "@/shared/contract";
import { type TRole, type TUser, ZUser, ZUserUpdateBody } from "@/shared/schemas/auth";
import { userMutations, userQueries } from "../api/queries";
import { userWords } from "./user-errors";
import { useRoleLabel, useRoleOptions } from "./user-role";

type TDraft = { version: number; displayName: string; role: TRole; disabled: boolean; password: string };
/** The fields the editor changed, without the version: what a re-apply sends again. */
type TUserChange = Omit<TBodyOf<"updateUser">, "version">;

const draftOf = (user: TUser): TDraft => ({
  version: user.version,
  displayName: user.displayName,
  role: user.role,
  disabled: user.disabled,
  password: "",
});

/** Only what the editor changed is sent (a blank password is no change), at the version read. */
const changeOf = (base: TDraft, draft: TDraft): TUserChange => {
  const change: TUserChange = {};
  if (draft.displayName.trim() !== base.displayName) change.displayName = draft.displayName;
  if (draft.role !== base.role) change.role = draft.role;
  if (draft.disabled !== base.disabled) change.disabled = draft.disabled;
  if (draft.password !== "") change.password = draft.password;
  return change;
};

/** A 409 that carries no readable user cannot be compared: it is said as a failure to save. */
const unreadableConflict = (error: unknown) =>
  error instanceof ApiError && error.status === 409 && !ZUser.safeParse(error.problem?.current).success
    ? { fields: {}, form: { code: "generic" }, conflict: null }
    : undefined;

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
  const roles = useRoleOptions();
  const heading = useRef<HTMLHeadingElement>(null);
  const conflictHeading = useRef<HTMLHeadingElement>(null);

  const replaceInList = (next: TUser) =>
    queryClient.setQueryData(userQueries.list().queryKey, (old) =>
      old ? { ...old, items: old.items.map((u) => (u.id === next.id ? next : u)) } : old,
    );

  const update = useMutation({
    ...userMutations.update(),
    onSuccess: (saved) => {
      replaceInList(saved);
      void queryClient.invalidateQueries({ queryKey: userQueries.all() });
    },
    onError: (error) => {
      // The list shows the user as they are now, beside the panel's comparison.
      const current =
        error instanceof ApiError && error.status === 409 ? ZUser.safeParse(error.problem?.current) : null;
      if (current?.success) replaceInList(current.data);
    },
  });

  const form = useRecordForm({
    initial: () => draftOf(user),
    toBody: (draft, base) => ({ version: draft.version, ...changeOf(base, draft) }),
    endpoint: endpoint(contract.updateUser.body, (body) => update.mutateAsync({ userId: user.id, body })),
    refusal: unreadableConflict,
    words: userWords,
    onSuccess: onSaved,
  });
  const { control, conflict } = form;
  const current = conflict ? ZUser.safeParse(conflict.current) : null;
  const mine = conflict ? ZUserUpdateBody.safeParse(conflict.mine) : null;

  // Opening the panel (or another user in it) takes the keyboard there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when another user is opened
  useEffect(() => heading.current?.focus(), [user.id]);
  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  return (
    <section className="panel user-edit" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t("users.editTitle", { name: current?.data?.displayName ?? user.displayName })}
      </h2>
      <p className="user-edit-id">
        <code>{user.username}</code>
      </p>
      {current?.success ? (
        <ConflictView
          headingRef={conflictHeading}
          current={current.data}
          change={mine?.data ?? {}}
          // The form now shows the current record with this change on top, so a refusal of the re-apply
          // (a field error) is shown on the fields, and a second conflict starts from here.
          onReapply={() => void form.reapply(draftOf(current.data))}
          onDiscard={() => {
            form.discardMine(draftOf(current.data));
            heading.current?.focus();
          }}
        />
      ) : null}
      <RecordForm form={form} className="user-form" hidden={conflict !== null}>
        <TextField control={control} name="displayName" label={t("users.fieldDisplayName")} />
        <SelectField
          control={control}
          name="role"
          label={t("users.fieldRole")}
          options={roles}
          placeholder={null}
        />
        <CheckField control={control} name="disabled" label={t("users.fieldDisabled")} />
        <TextField
          control={control}
          name="password"
          label={t("users.fieldNewPassword")}
          hint={t("users.fieldNewPasswordHint")}
          autoComplete="new-password"
          autoCapitalize="none"
          spellCheck={false}
        />
        <FormActions
          submitLabel={t("users.save")}
          pendingLabel={t("users.saving")}
          onCancel={onClose}
          cancelLabel={t("users.close")}
        />
      </RecordForm>
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
