import { Link } from "react-router";

/** The way back to a detail page's list; left off the printed board pack. */
export const BackLink = ({ to, label }: { to: string; label: string }) => (
  <p className="back-link no-print">
    <Link to={to}>{label}</Link>
  </p>
);
