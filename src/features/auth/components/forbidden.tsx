import { Link } from "react-router";
import { useI18n } from "@/i18n/i18n";
import type { TAccess } from "@/shared/schemas/auth";
import { ROLE_LABEL } from "./roles";
import { useSession } from "./use-session";
import "./session.css";

/** A page the signed-in role may not use: say so (403) instead of failing. */
export const Forbidden = ({ needed }: { needed: Exclude<TAccess, "public"> }) => {
  const { t } = useI18n();
  const user = useSession().data?.user;
  return (
    <section className="forbidden">
      <h1>{t("auth.forbiddenTitle")}</h1>
      <p>{t("auth.forbiddenBody", { role: t(ROLE_LABEL[needed]) })}</p>
      {user ? (
        <p className="forbidden-who">
          {t("auth.forbiddenSignedInAs", { name: user.displayName, role: t(ROLE_LABEL[user.role]) })}
        </p>
      ) : null}
      <p>
        <Link to="/">{t("common.backToOverview")}</Link>
      </p>
    </section>
  );
};
