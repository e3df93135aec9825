import { OwnPasswordForm } from "@/features/users/components/own-password-form";

/** Any signed-in user: their own password. */
export const AccountPasswordRoute = () => <OwnPasswordForm />;
