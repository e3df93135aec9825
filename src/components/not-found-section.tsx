import { Link } from "react-router";

/** A detail page whose id matches nothing: says so (it is not a failure) and leads back to the list. */
export const NotFoundSection = ({
  title,
  body,
  backTo,
  backLabel,
}: {
  title: string;
  body: string;
  backTo: string;
  backLabel: string;
}) => (
  <section className="not-found">
    <h1>{title}</h1>
    <p>{body}</p>
    <p>
      <Link to={backTo}>{backLabel}</Link>
    </p>
  </section>
);
