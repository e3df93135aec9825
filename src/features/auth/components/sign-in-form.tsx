import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import type { TMessageKey } from "@/i18n/catalog";
import { type TVars, useI18n } from "@/i18n/i18n";
import { ApiError, bodyFieldErrors, schemaFieldErrors } from "@/lib/api-client";
import { contract } from "@/shared/contract";
import type { TRole } from "@/shared/schemas/auth";
import type { TFieldError } from "@/shared/schemas/problem";
import { authMutations, authQueries } from "../api/queries";
import { ROLE_LABEL, type TSignInState } from "./roles";
import { safeNextPath } from "./safe-next";
import "./auth.css";

export type TDemoAccount = { username: string; password: string; role: TRole; displayName?: string };

type TField = "username" | "password";
type TMessage = { key: TMessageKey; vars?: TVars };

const MAX_LENGTH: Record<TField, number> = { username: 40, password: 256 };

/** A field error from the server or from the same schema here, in the reader's language. */
const fieldMessage = (field: TField, error: TFieldError): TMessage => {
  if (error.code === "too_small" || error.code === "invalid_type") return { key: "auth.fieldRequired" };
  if (error.code === "too_big") return { key: "auth.fieldTooLong", vars: { max: MAX_LENGTH[field] } };
  return { key: "auth.fieldInvalid" };
};

const fieldMessages = (errors: Record<string, TFieldError>) => {
  const out: Partial<Record<TField, TMessage>> = {};
  for (const field of ["username", "password"] as const) {
    const error = errors[field];
    if (error) out[field] = fieldMessage(field, error);
  }
  return out;
};

const waitText = (seconds: number, t: (key: TMessageKey, vars?: TVars) => string) =>
  seconds < 60
    ? t("auth.waitSeconds", { n: Math.max(1, seconds) })
    : t("auth.waitMinutes", { n: Math.ceil(seconds / 60) });

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
  const [values, setValues] = useState<Record<TField, string>>({ username: "", password: "" });
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<TField, TMessage>>>({});
  const [formError, setFormError] = useState<TMessage | null>(null);
  const inputs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const submitRef = useRef<HTMLButtonElement>(null);

  const focusFirstInvalid = (found: Partial<Record<TField, TMessage>>) => {
    const first = (["username", "password"] as const).find((f) => found[f]);
    if (first) inputs[first].current?.focus();
  };

  const login = useMutation({
    ...authMutations.login(),
    onSuccess: async (session) => {
      // Whatever another user (or an expired session) left in the cache is not this user's to see.
      queryClient.removeQueries();
      queryClient.setQueryData(authQueries.session().queryKey, session);
      await navigate(next, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        const found = fieldMessages(bodyFieldErrors(error.problem));
        setErrors(found);
        setFormError({ key: "auth.errorFields" });
        focusFirstInvalid(found);
      } else if (error instanceof ApiError && error.status === 401) {
        setFormError({ key: "auth.errorCredentials" });
        inputs.password.current?.focus();
      } else if (error instanceof ApiError && error.status === 429) {
        const wait = error.retryAfterSeconds;
        setFormError(
          wait === null
            ? { key: "auth.errorThrottledNoWait" }
            : { key: "auth.errorThrottled", vars: { wait: waitText(wait, t) } },
        );
      } else {
        setFormError({ key: "auth.errorGeneric" });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    setFormError(null);
    const found = fieldMessages(schemaFieldErrors(contract.login.body, values));
    if (Object.keys(found).length > 0) {
      setErrors(found);
      focusFirstInvalid(found);
      return;
    }
    setErrors({});
    login.mutate(values);
  };

  const set = (field: TField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const fill = (account: TDemoAccount) => {
    setValues({ username: account.username, password: account.password });
    setErrors({});
    setFormError(null);
    submitRef.current?.focus();
  };

  const field = (name: TField, label: string, input: { type: string; autoComplete: string }) => {
    const errorId = `${id}-${name}-error`;
    const error = errors[name];
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          ref={inputs[name]}
          id={`${id}-${name}`}
          name={name}
          type={input.type}
          autoComplete={input.autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          value={values[name]}
          onChange={(e) => set(name, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error ? (
          <p id={errorId} className="field-error">
            {t(error.key, error.vars)}
          </p>
        ) : null}
      </div>
    );
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
        <form noValidate onSubmit={submit} aria-label={t("auth.signInFormLabel")}>
          {formError ? (
            <p className="form-error" role="alert">
              {t(formError.key, formError.vars)}
            </p>
          ) : null}
          {field("username", t("auth.username"), { type: "text", autoComplete: "username" })}
          {field("password", t("auth.password"), {
            type: showPassword ? "text" : "password",
            autoComplete: "current-password",
          })}
          <div className="field-check">
            <input
              id={`${id}-show`}
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
            />
            <label htmlFor={`${id}-show`}>{t("auth.showPassword")}</label>
          </div>
          <button ref={submitRef} type="submit" className="button signin-submit" aria-busy={login.isPending}>
            {login.isPending ? t("auth.submitting") : t("auth.submit")}
          </button>
        </form>
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
