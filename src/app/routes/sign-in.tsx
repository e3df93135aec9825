import { useEffect, useState } from "react";
import { SignInForm, type TDemoAccount } from "@/features/auth/components/sign-in-form";
import { useI18n } from "@/i18n/i18n";
import { LanguageToggle } from "../app-shell";

const MOCK_MODE = import.meta.env.VITE_API_MOCKING === "true";

/*
 * Mock mode (MSW in the browser) has demo accounts anyone may see. The import sits behind the build-time
 * flag, so a production build drops it and never ships the mock users.
 */
const loadDemoAccounts = async (): Promise<TDemoAccount[] | null> => {
  if (!MOCK_MODE) return null;
  const { MOCK_DEMO_USERS } = await import("@/mocks/auth-state");
  return MOCK_DEMO_USERS.map((u) => ({
    username: u.username,
    password: u.password,
    role: u.role,
    displayName: u.displayName,
  }));
};

/** /signin: the brand and the language toggle, no navigation (nothing else is readable yet). */
export const SignInRoute = () => {
  const { t } = useI18n();
  // undefined while the mock accounts load, so the real-mode hint never flashes in mock mode.
  const [accounts, setAccounts] = useState<TDemoAccount[] | null | undefined>(MOCK_MODE ? undefined : null);
  useEffect(() => {
    if (!MOCK_MODE) return;
    let live = true;
    void loadDemoAccounts().then((a) => {
      if (live) setAccounts(a);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="app-header app-header-public no-print">
        <div className="app-brand">
          <span className="app-name">{t("common.appName")}</span>
          <span className="app-org">{t("common.appTagline")}</span>
        </div>
        <LanguageToggle />
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <SignInForm demoAccounts={accounts} />
      </main>
    </div>
  );
};
