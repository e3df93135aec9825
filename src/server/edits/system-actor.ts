import type { TAuditActor } from "@/shared/schemas/audit";

/*
 * Who the audit log names for a change no signed-in person made: a command run on the server
 * (`npm run user:add`) or the embedded demo's first start. "system" can never be a user's id (those
 * start with "usr-"), so such entries never pass for a person's; the display name says which command.
 */
export const systemActor = (displayName: string): TAuditActor => ({
  id: "system",
  username: "system",
  displayName,
});

export const USER_ADD_ACTOR = systemActor("npm run user:add");
export const DEMO_START_ACTOR = systemActor("demo start (embedded database)");
