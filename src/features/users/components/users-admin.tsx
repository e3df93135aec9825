import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { DataTable, type TColumn } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useI18n } from "@/i18n/i18n";
import { todayInTokyo } from "@/shared/dates";
import type { TUser } from "@/shared/schemas/auth";
import { userQueries } from "../api/queries";
import { UserCreateForm } from "./user-create-form";
import { UserEditPanel } from "./user-edit-panel";
import { useRoleLabel } from "./user-role";
import "./users.css";

type TProps = {
  /** The signed-in user (marked "you" in the list). */
  selfId?: string;
};

/** /admin/users: who may use the dashboard, in which role; add, change, disable, reset a password. */
export const UsersAdmin = ({ selfId }: TProps) => {
  const { t, f } = useI18n();
  const id = useId();
  const roleLabel = useRoleLabel();
  const query = useQuery(userQueries.list());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const editing = query.data?.items.find((u) => u.id === editingId) ?? null;

  const announce = (text: string) => {
    setNotice(text);
    // After the panel closes, the keyboard returns to the message that says what happened.
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const status = (u: TUser) => t(u.disabled ? "users.statusDisabled" : "users.statusActive");
  const created = (u: TUser) => todayInTokyo(new Date(u.createdAt));
  const columns: TColumn<TUser>[] = [
    {
      key: "username",
      header: t("users.colUsername"),
      render: (u) => (
        <>
          <code>{u.username}</code>
          {u.id === selfId ? <span className="user-self"> {t("users.you")}</span> : null}
        </>
      ),
      csv: (u) => u.username,
    },
    {
      key: "displayName",
      header: t("users.colDisplayName"),
      render: (u) => u.displayName,
      csv: (u) => u.displayName,
    },
    {
      key: "role",
      header: t("users.colRole"),
      render: (u) => roleLabel(u.role),
      csv: (u) => roleLabel(u.role),
    },
    {
      key: "status",
      header: t("users.colStatus"),
      render: (u) => <span className={u.disabled ? "user-status-disabled" : undefined}>{status(u)}</span>,
      csv: status,
    },
    {
      key: "created",
      header: t("users.colCreated"),
      render: (u) => <span className="nowrap">{f.date(created(u))}</span>,
      csv: created,
    },
    {
      key: "actions",
      header: t("users.colActions"),
      noCsv: true,
      csv: () => null,
      render: (u) => (
        <button
          type="button"
          className="button button-secondary"
          aria-label={t("users.editLabel", { name: u.displayName })}
          aria-expanded={editingId === u.id}
          onClick={() => {
            setNotice(null);
            setEditingId(u.id);
          }}
        >
          {t("users.edit")}
        </button>
      ),
    },
  ];

  return (
    <div className="users-admin">
      <PageHeader title={t("users.title")} lead={t("users.lead")} />
      <div role="status" className="users-notice">
        {notice ? (
          <p ref={noticeRef} tabIndex={-1} className="form-success">
            {notice}
          </p>
        ) : null}
      </div>
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t("users.listTitle")}</h2>
        <QueryState
          query={query}
          minHeight="12rem"
          isEmpty={(d) => d.items.length === 0}
          empty={<p>{t("users.listEmpty")}</p>}
        >
          {(data) => (
            <DataTable
              caption={t("users.listCaption", { count: data.total })}
              captionHidden
              rows={data.items}
              columns={columns}
              rowKey={(u) => u.id}
              csvName="users"
            />
          )}
        </QueryState>
      </section>
      {editing ? (
        <UserEditPanel
          key={editing.id}
          user={editing}
          onClose={() => setEditingId(null)}
          onSaved={(u) => {
            setEditingId(null);
            announce(t("users.saved", { username: u.username }));
          }}
        />
      ) : null}
      <div className="users-lower">
        <section className="panel">
          <UserCreateForm onCreated={(u) => announce(t("users.created", { username: u.username }))} />
        </section>
        <section className="panel users-roles" aria-labelledby={`${id}-roles`}>
          <h2 id={`${id}-roles`}>{t("users.rolesTitle")}</h2>
          <dl>
            <dt>{roleLabel("viewer")}</dt>
            <dd>{t("users.roleViewerDesc")}</dd>
            <dt>{roleLabel("editor")}</dt>
            <dd>{t("users.roleEditorDesc")}</dd>
            <dt>{roleLabel("admin")}</dt>
            <dd>{t("users.roleAdminDesc")}</dd>
          </dl>
        </section>
      </div>
    </div>
  );
};
