import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { useI18n } from "@/i18n/i18n";
import { contract } from "@/shared/contract";
import type { TRole, TUser } from "@/shared/schemas/auth";
import { userMutations, userQueries } from "../api/queries";
import { userWords } from "./user-errors";
import { useRoleOptions } from "./user-role";

type TValues = { username: string; displayName: string; role: TRole; password: string };
const EMPTY: TValues = { username: "", displayName: "", role: "viewer", password: "" };

/** Adds a user. A refusal keeps everything typed and puts each reason next to its field. */
export const UserCreateForm = ({ onCreated }: { onCreated: (user: TUser) => void }) => {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const create = useMutation({
    ...userMutations.create(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  });
  const form = useRecordForm({
    initial: EMPTY,
    // The contract's own schema, so the form refuses exactly what the server would.
    endpoint: endpoint(contract.createUser.body, (body) => create.mutateAsync(body)),
    words: userWords,
    onSuccess: (user) => {
      form.reset(EMPTY);
      onCreated(user);
    },
  });
  const { control } = form;
  return (
    <RecordForm
      form={form}
      className="user-form"
      aria-labelledby={`${id}-title`}
      heading={<h2 id={`${id}-title`}>{t("users.createTitle")}</h2>}
    >
      <TextField
        control={control}
        name="username"
        label={t("users.fieldUsername")}
        hint={t("users.fieldUsernameHint")}
        autoCapitalize="none"
        spellCheck={false}
      />
      <TextField
        control={control}
        name="displayName"
        label={t("users.fieldDisplayName")}
        hint={t("users.fieldDisplayNameHint")}
      />
      <SelectField
        control={control}
        name="role"
        label={t("users.fieldRole")}
        options={roles}
        placeholder={null}
      />
      <TextField
        control={control}
        name="password"
        label={t("users.fieldPassword")}
        hint={t("users.fieldPasswordHint")}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
      />
      <FormActions submitLabel={t("users.createSubmit")} pendingLabel={t("users.creating")} />
    </RecordForm>
  );
};
