import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, Navigate, NavLink, Outlet, ScrollRestoration, useLocation } from "react-router";
import { QueryState } from "@/components/query-state";
import { hasRole } from "@/features/auth/components/roles";
import { useAuthGuard } from "@/features/auth/components/use-auth-guard";
import { UserMenu } from "@/features/auth/components/user-menu";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { EditRightsProvider } from "@/lib/edit-rights";
import { referenceQueries } from "@/lib/reference-queries";
import { isBlankOrganisation } from "@/shared/blank-organisation";
import type { TOrganisation } from "@/shared/schemas/organisation";
import { termsOf } from "./organisation-terms";

const NAV: { to: string; key: TPlainKey; end?: boolean }[] = [
  { to: "/", key: "common.navOverview", end: true },
  { to: "/cases", key: "common.navCases" },
  { to: "/incidents", key: "common.navIncidents" },
  { to: "/commitments", key: "common.navCommitments" },
  { to: "/vendors", key: "common.navVendors" },
  { to: "/meetings", key: "common.navMeetings" },
  { to: "/documents", key: "common.navDocuments" },
];

const EDITOR_NAV: typeof NAV = [{ to: "/import", key: "common.navImport" }];
// One entry for every administrators' page (tabs inside: src/app/admin-layout.tsx).
const ADMIN_NAV: typeof NAV = [{ to: "/admin", key: "common.navAdmin" }];

export const LanguageToggle = () => {
  const { t, lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="button button-lang"
      lang={lang === "ja" ? "en" : "ja"}
      aria-label={t("common.switchLanguageLabel")}
      onClick={() => setLang(lang === "ja" ? "en" : "ja")}
    >
      {t("common.switchLanguage")}
    </button>
  );
};

/**
 * What shows while the first page's code, its strings and the session load (the routes'
 * HydrateFallback): the frame of the app with the name, and the loading state announced, instead of an
 * empty page. Only the common strings are used: they ship with the app, so they are there at once.
 */
export const AppLoading = () => {
  const { t } = useI18n();
  return (
    <div className="app">
      <header className="app-header no-print">
        <div className="app-brand">
          <span className="app-name">{t("common.appName")}</span>
        </div>
      </header>
      <main id="main" className="app-main" aria-busy="true">
        <span className="visually-hidden" role="status">
          {t("common.loading")}
        </span>
      </main>
    </div>
  );
};

/**
 * Who the dashboard is for: "当会 理事会". An organisation nobody has named yet says so in its own
 * placeholder name ("(組織名未設定)"), not in a made-up one.
 */
const OrganisationName = ({ organisation }: { organisation: TOrganisation }) => {
  const { tx } = useI18n();
  if (isBlankOrganisation(organisation)) {
    return (
      <span className="app-org-unset">
        {tx(organisation.name)} {tx(organisation.boardName)}
      </span>
    );
  }
  return <>{`${tx(organisation.shortName)} ${tx(organisation.boardName)}`}</>;
};

/** For administrators while the organisation is unnamed: every page's words come from its settings. */
const OrganisationNotSetBanner = () => {
  const { t } = useI18n();
  const { pathname } = useLocation();
  if (pathname === "/admin/organisation") return null;
  return (
    <div className="org-banner no-print" role="note">
      <p>
        {t("common.orgNotSetBanner")} <Link to="/admin/organisation">{t("common.orgNotSetLink")}</Link>
      </p>
    </div>
  );
};

/**
 * The signed-in app: header (with the user and sign-out), navigation and the page. Nothing of the
 * record is requested before the session is known; without one the visitor goes to sign-in.
 */
export const AppShell = () => {
  const { t, setTerms } = useI18n();
  const { session, redirectTo } = useAuthGuard();
  const user = session.data?.user;
  const org = useQuery({ ...referenceQueries.organisation(), enabled: Boolean(user) });
  // Every text that says {org}, {board} or {people} takes the organisation's own words.
  useEffect(() => {
    if (org.data) setTerms(termsOf(org.data));
  }, [org.data, setTerms]);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const lastPath = useRef(location.pathname);
  // After client-side navigation, move focus to the new page so screen readers and keyboards follow.
  // Comparing paths (not a first-render flag) keeps StrictMode's double effects from focusing on load.
  useEffect(() => {
    if (lastPath.current === location.pathname) return;
    lastPath.current = location.pathname;
    main.current?.focus();
  }, [location.pathname]);
  if (redirectTo) return <Navigate to={redirectTo} replace />;
  const nav = [
    ...NAV,
    ...(hasRole(user?.role, "editor") ? EDITOR_NAV : []),
    ...(hasRole(user?.role, "admin") ? ADMIN_NAV : []),
  ];
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="app-header no-print">
        <div className="app-brand">
          <span className="app-name">{t("common.appName")}</span>
          <span className="app-org">
            {org.data ? <OrganisationName organisation={org.data} /> : "\u00a0"}
          </span>
        </div>
        <nav aria-label={t("common.mainNav")} className="app-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {user ? <UserMenu user={user} /> : <div className="app-session-pending" />}
        <LanguageToggle />
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {org.data && isBlankOrganisation(org.data) && hasRole(user?.role, "admin") ? (
          <OrganisationNotSetBanner />
        ) : null}
        <QueryState query={session} minHeight="60vh">
          {() => (
            <EditRightsProvider canEdit={hasRole(user?.role, "editor")}>
              <Outlet />
            </EditRightsProvider>
          )}
        </QueryState>
      </main>
      <ScrollRestoration />
    </div>
  );
};
