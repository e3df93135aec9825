import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { RecordForm } from "@/components/form/record-form";
import { TextField } from "@/components/form/text-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { message, useI18n } from "@/i18n/i18n";
import type { TMessage, TTranslate } from "@/i18n/message-types";
import { ApiError } from "@/lib/api-client";
import type { TErrorWords, TFormError, TRefusal } from "@/lib/form-errors";
import { contract } from "@/shared/contract";
import type { TRole } from "@/shared/schemas/auth";
import { authMutations, authQueries } from "../api/queries";
import { ROLE_LABEL, type TSignInState } from "./roles";
import { safeNextPath } from "./safe-next";
import "./auth.css";

export type TDemoAccount = { username: string; password: string; role: TRole; displayName?: string };

type TValues = { username: string; password: string };

const MAX_LENGTH: Record<keyof TValues, number> = { username: 40, password: 256 };

const waitText = (seconds: number, t: TTranslate) =>
  seconds < 60
    ? t("auth.waitSeconds", { n: Math.max(1, seconds) })
    : t("auth.waitMinutes", { n: Math.ceil(seconds / 60) });

/**
 * What only sign-in means by a refusal: a 401 is a wrong username or password (the password gets the
 * focus, to type again), a 429 is throttling with the wait the server asks for. The rest is any form's.
 */
const signInRefusal = (error: unknown): TRefusal | undefined => {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 401)
    return { fields: {}, form: { code: "credentials" }, conflict: null, focus: "password" };
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return {
      fields: {},
      form: { code: "throttled", ...(wait === null ? {} : { params: { wait } }) },
      conflict: null,
    };
  }
  return undefined;
};

/** The sign-in page's words: a field error from the server or from the same schema here, or the form's. */
const useSignInWords = (): TErrorWords => {
  const { t } = useI18n();
  const formMessage = ({ code, params }: TFormError): TMessage => {
    if (code === "summary") return message("auth.errorFields");
    if (code === "credentials") return message("auth.errorCredentials");
    if (code === "throttled")
      return typeof params?.wait === "number"
        ? message("auth.errorThrottled", { wait: waitText(params.wait, t) })
        : message("auth.errorThrottledNoWait");
    return message("auth.errorGeneric");
  };
  return (error, path) => {
    if (path === "") return formMessage(error);
    if (path !== "username" && path !== "password") return undefined;
    if (error.code === "required" || error.code === "too_small" || error.code === "invalid_type")
      return message("auth.fieldRequired");
    if (error.code === "too_big") return message("auth.fieldTooLong", { max: MAX_LENGTH[path] });
    return message("auth.fieldInvalid");
  };
};

/**
 * The sign-in form. On refusal it keeps what was typed and says why: field errors next to the field,
 * wrong credentials and throttling (with the wait the server asks for) above the form.
 */
/** `demoAccounts`: the mock mode's accounts, null in real mode (a hint instead), undefined while loading. */
export const SignInForm = ({ demoAccounts }: { demoAccounts: TDemoAccount[] | null | undefined }) => {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const next = safeNextPath(search.get("next"));
  const reason = (location.state as TSignInState)?.reason;
  const [showPassword, setShowPassword] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);

  const login = useMutation({
    ...authMutations.login(),
    onSuccess: async (session) => {
      // Whatever another user (or an expired session) left in the cache is not this user's to see.
      queryClient.removeQueries();
      queryClient.setQueryData(authQueries.session().queryKey, session);
      await navigate(next, { replace: true });
    },
  });

  const form = useRecordForm({
    initial: (): TValues => ({ username: "", password: "" }),
    endpoint: endpoint(contract.login.body, (body) => login.mutateAsync(body)),
    refusal: signInRefusal,
    words: useSignInWords(),
  });
  const { control } = form;

  const fill = (account: TDemoAccount) => {
    form.reset({ username: account.username, password: account.password });
    submitRef.current?.focus();
  };

  return (
    <div className="signin">
      <section className="panel signin-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t("auth.signInTitle")}</h1>
        <p className="page-lead">{t("auth.signInLead")}</p>
        {reason ? (
          <p className="signin-notice" role="status">
            {t(reason === "expired" ? "auth.sessionExpired" : "auth.signedOut")}
          </p>
        ) : null}
        <RecordForm form={form} aria-label={t("auth.signInFormLabel")}>
          <TextField
            control={control}
            name="username"
            label={t("auth.username")}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
          <TextField
            control={control}
            name="password"
            label={t("auth.password")}
            type={showPassword ? "text" : "password"}
            autoComplete="current-password"
            autoCapitalize="none"
            spellCheck={false}
          />
          <div className="field-check">
            <input
              id={`${id}-show`}
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
            />
            <label htmlFor={`${id}-show`}>{t("auth.showPassword")}</label>
          </div>
          <button ref={submitRef} type="submit" className="button signin-submit" aria-busy={form.pending}>
            {form.pending ? t("auth.submitting") : t("auth.submit")}
          </button>
        </RecordForm>
      </section>
      {demoAccounts ? (
        <DemoAccounts accounts={demoAccounts} onFill={fill} />
      ) : demoAccounts === null ? (
        <section className="panel signin-hint" aria-labelledby={`${id}-hint`}>
          <h2 id={`${id}-hint`}>{t("auth.realHintTitle")}</h2>
          <p>{t("auth.realHint")}</p>
        </section>
      ) : null}
    </div>
  );
};

const DemoAccounts = ({
  accounts,
  onFill,
}: {
  accounts: TDemoAccount[];
  onFill: (account: TDemoAccount) => void;
}) => {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="panel signin-hint" aria-labelledby={id}>
      <h2 id={id}>{t("auth.mockTitle")}</h2>
      <p>{t("auth.mockLead")}</p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("auth.mockCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("auth.mockColRole")}</th>
              <th scope="col">{t("auth.mockColUsername")}</th>
              <th scope="col">{t("auth.mockColPassword")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("auth.mockColAction")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.username}>
                <th scope="row">{t(ROLE_LABEL[a.role])}</th>
                <td>
                  <code>{a.username}</code>
                </td>
                <td>
                  <code>{a.password}</code>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t("auth.mockFillLabel", {
                      username: a.username,
                      role: t(ROLE_LABEL[a.role]),
                    })}
                    onClick={() => onFill(a)}
                  >
                    {t("auth.mockFill")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
