import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler } from "react";
import { z } from "zod";
import { ApiError } from "@/lib/api-client";
import { ZFigure, ZIsoDate, ZText, ZVersion } from "@/shared/schemas/common";
import type { TProblem } from "@/shared/schemas/problem";
import { renderWithProviders } from "@/test/render";
import { BilingualTextField } from "./bilingual-text-field";
import { ConflictPanel } from "./conflict-panel";
import { DateField } from "./date-field";
import { FigureField, type TFigureDraft } from "./figure-field";
import { FormActions } from "./form-actions";
import { NumberField } from "./number-field";
import { RecordForm } from "./record-form";
import { TextField } from "./text-field";
import { endpoint, useRecordForm } from "./use-record-form";

const ZBody = z.strictObject({
  version: ZVersion,
  date: ZIsoDate,
  count: z.number().int().min(0),
  title: z.string().min(1).max(10),
  note: ZText,
  done: ZFigure,
});
type TBody = z.infer<typeof ZBody>;
type TValues = Omit<TBody, "count" | "done"> & { count: number | null; done: TFigureDraft };

const start: TValues = {
  version: 3,
  date: "",
  count: null,
  title: "",
  note: { ja: "", en: "" },
  done: null,
};

const TestForm = ({
  send,
  initial = start,
  onRender,
}: {
  send: (body: TBody) => Promise<unknown>;
  initial?: TValues;
  onRender?: () => void;
}) => {
  const form = useRecordForm({ initial, endpoint: endpoint(ZBody, send) });
  const { control } = form;
  return (
    <>
      <ConflictPanel
        form={form}
        fields={[
          { path: "title", label: "Title" },
          { path: "count", label: "Count" },
        ]}
        valuesFrom={(current) => ({
          ...initial,
          version: current.version as number,
          title: current.title as string,
          count: current.count as number,
        })}
      />
      <RecordForm form={form} aria-label="test form">
        <DateField control={control} name="date" label="Date" required />
        <NumberField control={control} name="count" label="Count" required />
        <TextField control={control} name="title" label="Title" required />
        <Profiler id="note" onRender={() => onRender?.()}>
          <BilingualTextField control={control} name="note" legend="Note" />
        </Profiler>
        <FigureField control={control} name="done" legend="Done" withSource={false} />
        <FormActions submitLabel="Save" />
        <p>{form.dirty ? "dirty" : "clean"}</p>
      </RecordForm>
    </>
  );
};

const problem = (status: number, extra: Partial<TProblem>): TProblem => ({
  type: `https://httpstatuses.io/${status}`,
  title: "x",
  status,
  detail: "refused",
  ...extra,
});

describe("useRecordForm", () => {
  it("checks with the contract schema before sending: each error next to its field, the first one focused", async () => {
    const send = vi.fn(async () => ({}));
    renderWithProviders(<TestForm send={send} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Title/), "abcdefghijkl");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(send).not.toHaveBeenCalled();
    const date = screen.getByLabelText(/Date/);
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveFocus();
    expect(date).toHaveAccessibleDescription(/入力してください/);
    expect(screen.getByLabelText(/Title/)).toHaveAccessibleDescription(/10文字以内/);
    // What the user typed stays as typed.
    expect(screen.getByLabelText(/Title/)).toHaveValue("abcdefghijkl");
    expect(screen.getByRole("alert")).toHaveTextContent(/項目を確認してください/);
    // Not reported is a choice, and no status is assumed: the figure must be chosen.
    expect(screen.getByRole("radio", { name: "未報告" })).not.toBeChecked();
    expect(screen.getByRole("radio", { name: "報告された数値" })).toHaveAttribute("aria-invalid", "true");
  });

  it("sends the parsed body, English filled from Japanese when blank", async () => {
    const send = vi.fn(async (_body: TBody) => ({}));
    const withSource = { ...start, done: { source: { documentId: "doc-4", cites: [] } } };
    renderWithProviders(<TestForm send={send} initial={withSource} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Date/), "2025-09-30");
    await user.type(screen.getByLabelText(/Count/), "１,８６０");
    await user.type(screen.getByLabelText(/Title/), "返金");
    await user.type(screen.getByLabelText(/日本語/), "3名の返金完了");
    await user.click(screen.getByRole("radio", { name: "未報告" }));
    await user.type(screen.getAllByLabelText(/日本語/)[1] as HTMLElement, "完了人数");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({
      version: 3,
      date: "2025-09-30",
      count: 1860,
      title: "返金",
      note: { ja: "3名の返金完了", en: "3名の返金完了" },
      done: {
        status: "not_reported",
        missing: { ja: "完了人数", en: "完了人数" },
        source: { documentId: "doc-4", cites: [] },
      },
    });
  });

  it("puts a server's 422 field errors next to their fields, translated with their params", async () => {
    const send = vi.fn(async () => {
      throw new ApiError(
        422,
        problem(422, {
          errors: [
            {
              in: "body",
              field: "date",
              code: "in_future",
              message: "in the future",
              params: { date: "2099-01-01" },
            },
            { in: "body", field: "elsewhere.0.id", code: "duplicate", message: "dup", params: { id: "x-1" } },
          ],
        }),
        "422",
      );
    });
    const filled: TValues = {
      ...start,
      date: "2099-01-01",
      count: 3,
      title: "ok",
      note: { ja: "メモ", en: "" },
      done: { status: "reported", value: 3, source: { documentId: "doc-1", cites: [] } },
    };
    renderWithProviders(<TestForm send={send} initial={filled} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save" }));
    const date = await screen.findByLabelText(/Date/);
    await waitFor(() => expect(date).toHaveAttribute("aria-invalid", "true"));
    expect(date).toHaveAccessibleDescription(/未来の日付\(2099年1月1日\)は記録できません/);
    expect(date).toHaveValue("2099-01-01");
    // An error no control owns is listed in the summary, not dropped.
    expect(screen.getByRole("alert")).toHaveTextContent(/elsewhere\.0\.id.*「x-1」が二重に指定されています/);
  });

  it("shows both versions on a stale 409 and re-applies over the current version", async () => {
    // The other editor changed the title and the count; this user changes only the title.
    const current = { id: "r-1", version: 4, title: "theirs", count: 9 };
    const send = vi
      .fn<(body: TBody) => Promise<unknown>>()
      .mockRejectedValueOnce(new ApiError(409, problem(409, { current }), "409"))
      .mockResolvedValueOnce({});
    const filled: TValues = {
      ...start,
      date: "2025-09-01",
      count: 5,
      title: "orig",
      note: { ja: "メモ", en: "note" },
      done: { status: "reported", value: 3, source: { documentId: "doc-1", cites: [] } },
    };
    renderWithProviders(<TestForm send={send} initial={filled} />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText(/Title/));
    await user.type(screen.getByLabelText(/Title/), "mine");
    await user.click(screen.getByRole("button", { name: "Save" }));
    const panel = await screen.findByRole("region", { name: "他の人がこの記録を先に更新しました" });
    expect(panel).toHaveTextContent("第4版");
    const changed = screen.getByRole("row", { name: /Title/ });
    expect(changed).toHaveClass("conflict-changed");
    expect(changed).toHaveTextContent(/mine.*theirs/);
    expect(screen.getByRole("row", { name: /Count/ })).toHaveClass("conflict-changed");
    await user.click(screen.getByRole("button", { name: "現在の版に自分の変更を適用して保存" }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    // Mine where I changed something, theirs elsewhere: the other editor's count is not overwritten.
    expect(send.mock.calls[1]?.[0]).toMatchObject({ version: 4, title: "mine", count: 9 });
    await waitFor(() => expect(screen.queryByRole("region", { name: /先に更新/ })).not.toBeInTheDocument());
  });

  it("discarding mine takes the current record's values", async () => {
    const current = { version: 7, title: "theirs", count: 9 };
    const send = vi.fn(async () => {
      throw new ApiError(409, problem(409, { current }), "409");
    });
    const filled: TValues = {
      ...start,
      date: "2025-09-01",
      count: 5,
      title: "mine",
      note: { ja: "メモ", en: "note" },
      done: { status: "reported", value: 3, source: { documentId: "doc-1", cites: [] } },
    };
    renderWithProviders(<TestForm send={send} initial={filled} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save" }));
    await user.click(await screen.findByRole("button", { name: "自分の変更を破棄する" }));
    expect(screen.getByLabelText(/Title/)).toHaveValue("theirs");
    expect(screen.getByLabelText(/Count/)).toHaveValue("9");
  });

  it("re-renders only the control being typed in, and is dirty only while the values differ", async () => {
    const renders = vi.fn();
    renderWithProviders(<TestForm send={vi.fn(async () => ({}))} onRender={renders} />);
    const user = userEvent.setup();
    // The first key makes the form dirty, which the form itself shows (the leave-guard reads it).
    await user.type(screen.getByLabelText(/Title/), "a");
    expect(screen.getByText("dirty")).toBeInTheDocument();
    const before = renders.mock.calls.length;
    await user.type(screen.getByLabelText(/Title/), "bcd");
    expect(screen.getByLabelText(/Title/)).toHaveValue("abcd");
    // The bilingual note next to it was not drawn again for any of the following keys.
    expect(renders.mock.calls.length).toBe(before);
    fireEvent.change(screen.getByLabelText(/Title/), { target: { value: "" } });
    expect(await screen.findByText("clean")).toBeInTheDocument();
  });
});
