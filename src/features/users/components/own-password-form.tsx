import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { FormActions } from "@/components/form/form-actions";
import { RecordForm } from "@/components/form/record-form";
import { TextField } from "@/components/form/text-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { PageHeader } from "@/components/page-header";
import { useI18n } from "@/i18n/i18n";
import { contract } from "@/shared/contract";
import { userMutations } from "../api/queries";
import "./users.css";

type TValues = { currentPassword: string; newPassword: string };
const EMPTY: TValues = { currentPassword: "", newPassword: "" };

/**
 * /account/password — any signed-in user changes their own password. The current one is asked again (a
 * borrowed session must not be enough); the server refuses common and guessable passwords and ends the
 * user's other sessions.
 */
export const OwnPasswordForm = () => {
  const { t } = useI18n();
  const id = useId();
  const change = useMutation(userMutations.changeOwn());
  const [done, setDone] = useState(false);
  const form = useRecordForm({
    initial: EMPTY,
    endpoint: endpoint(contract.changeOwnPassword.body, (body) => change.mutateAsync(body)),
    // A password is never filled in from the Japanese (there is no English half to fill).
    fillEnglish: false,
    onSuccess: () => {
      form.reset(EMPTY);
      setDone(true);
    },
  });
  const { control } = form;
  return (
    <article className="own-password">
      <PageHeader title={t("users.ownPasswordTitle")} lead={<p>{t("users.ownPasswordLead")}</p>} />
      {done ? (
        <p className="form-done" role="status">
          {t("users.ownPasswordDone")}
        </p>
      ) : null}
      <RecordForm form={form} className="user-form" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="visually-hidden">
          {t("users.ownPasswordTitle")}
        </h2>
        <TextField
          control={control}
          name="currentPassword"
          label={t("users.fieldCurrentPassword")}
          type="password"
          autoComplete="current-password"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          control={control}
          name="newPassword"
          label={t("users.fieldOwnNewPassword")}
          hint={t("users.fieldOwnNewPasswordHint")}
          type="password"
          autoComplete="new-password"
          autoCapitalize="none"
          spellCheck={false}
        />
        <FormActions submitLabel={t("users.ownPasswordSubmit")} pendingLabel={t("users.ownPasswordSaving")} />
      </RecordForm>
    </article>
  );
};
