// Only the sign-in page needs this; it stays out of the shell's first bundle.
/** Same-origin paths only: `next` comes from the address bar and must not send anyone elsewhere. */
export const safeNextPath = (raw: string | null | undefined, origin = window.location.origin): string => {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  try {
    const url = new URL(raw, origin);
    if (url.origin !== origin || url.pathname === "/signin") return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
};
