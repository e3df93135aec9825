import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { apiSend } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import { mockStore } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { contract } from "@/shared/contract";
import { problem } from "@/shared/http";
import { ZMeetingUpdate } from "@/shared/schemas/edit";
import type { TMeeting } from "@/shared/schemas/meeting";
import { renderApp } from "@/test/render";
import { valuesFromMeeting } from "./meeting-form-model";

const MEETING = "mtg-2025-03";

const storedMeeting = (id: string) => mockStore.data.meetings.find((m) => m.id === id) as TMeeting;

/** The fieldset whose legend is `name` (a bilingual text, a figure, a list entry). */
const group = (name: string | RegExp, within_: HTMLElement = document.body) =>
  within(within_).getByRole("group", { name });

describe("MeetingEditor: a new meeting", () => {
  it("records a meeting: the 年度 follows the date, a blank English title gets the Japanese", async () => {
    const user = userEvent.setup();
    const { router } = renderApp("/meetings/new");
    expect(
      await screen.findByRole("heading", { level: 1, name: "理事会を記録する" }, { timeout: 5000 }),
    ).toBeInTheDocument();
    // The example names the organisation's own board, and follows what the form says.
    expect(screen.getByText("例:第1回定例理事会")).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/^開催日/), { target: { value: "2026-02-14" } });
    // February belongs to the fiscal year that began the April before.
    await waitFor(() => expect(screen.getByLabelText(/^年度/)).toHaveValue("2025"));
    await user.type(screen.getByLabelText(/^回/), "4");
    expect(screen.getByText("例:2025年度第4回定例理事会")).toBeInTheDocument();
    const title = group(/^名称/);
    await user.type(within(title).getByLabelText(/^日本語/), "2025年度第4回定例理事会");
    const source = group(/^出典となる資料/);
    await user.selectOptions(within(source).getByLabelText(/^出典の資料/), "notice");

    await user.click(screen.getByRole("button", { name: "議題を追加" }));
    const item = group("議題1");
    await user.type(within(group(/^議題の名称/, item)).getByLabelText(/^日本語/), "返金の完了についての報告");
    await user.click(within(group("説明", item)).getByLabelText("損保ジャパン"));

    await user.click(screen.getByRole("button", { name: "出席した委託先を追加" }));
    const attendee = group("出席した委託先1");
    await user.selectOptions(within(attendee).getByLabelText(/^委託先/), "sompo");
    const people = group(/^出席した人数/, attendee);
    await user.click(within(people).getByRole("radio", { name: "未報告" }));
    await user.type(within(group(/^報告されていない内容/, people)).getByLabelText(/^日本語/), "出席した人数");
    await user.selectOptions(
      within(group(/^この数値の出典/, people)).getByLabelText(/^出典の資料/),
      "notice",
    );

    await user.click(screen.getByRole("button", { name: "記録する" }));

    expect(
      await screen.findByText("2025年度第4回定例理事会", { selector: "h1" }, { timeout: 5000 }),
    ).toBeInTheDocument();
    const id = router.state.location.pathname.split("/").pop() as string;
    const saved = storedMeeting(id);
    expect(saved.fiscalYear).toBe(2025);
    expect(saved.number).toBe(4);
    expect(saved.title).toEqual({ ja: "2025年度第4回定例理事会", en: "2025年度第4回定例理事会" });
    expect(saved.items[0]?.presentedByIds).toEqual(["sompo"]);
    // Never 0: the count the document does not give stays "not reported".
    expect(saved.vendorAttendees[0]?.people.status).toBe("not_reported");
    expect(screen.getByText("保存しました。")).toBeInTheDocument();
  }, 45_000);

  it("shows what is missing next to each field, in the user's language, and keeps what was typed", async () => {
    const user = userEvent.setup();
    renderApp("/meetings/new", { lang: "en" });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Record a Board meeting" }),
    ).toBeInTheDocument();
    await user.type(within(group(/^Title/)).getByLabelText(/^Japanese/), "臨時理事会");
    await user.click(screen.getByRole("button", { name: "Record the meeting" }));

    const date = screen.getByLabelText(/^Date/);
    await waitFor(() => expect(date).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByLabelText(/^Number/)).toHaveAttribute("aria-invalid", "true");
    expect(within(group(/^Title/)).getByLabelText(/^Japanese/)).toHaveValue("臨時理事会");
    expect(within(group(/^Title/)).getByLabelText(/^Japanese/)).not.toHaveAttribute("aria-invalid");
    expect(mockStore.data.meetings).toHaveLength(1);
  });

  it("puts the server's 422 field errors next to their fields and keeps the form as typed", async () => {
    const user = userEvent.setup();
    server.use(
      http.post(`*${contract.createMeeting.path}`, () =>
        HttpResponse.json(
          problem(422, "The record cannot be stored as sent: see the errors by field.", [
            {
              in: "body",
              field: "items.0.documentIds.0",
              code: "unknown_reference",
              message: 'no document with id "doc-2"',
              params: { kind: "document", id: "doc-2" },
            },
          ]),
          { status: 422, headers: { "content-type": "application/problem+json" } },
        ),
      ),
    );
    renderApp("/meetings/new");
    await screen.findByRole("heading", { level: 1, name: "理事会を記録する" });
    fireEvent.change(screen.getByLabelText(/^開催日/), { target: { value: "2025-09-27" } });
    await user.type(screen.getByLabelText(/^回/), "4");
    await user.type(within(group(/^名称/)).getByLabelText(/^日本語/), "第4回");
    await user.selectOptions(within(group(/^出典となる資料/)).getByLabelText(/^出典の資料/), "notice");
    await user.click(screen.getByRole("button", { name: "議題を追加" }));
    const item = group("議題1");
    await user.type(within(group(/^議題の名称/, item)).getByLabelText(/^日本語/), "議題");
    await user.click(within(group("資料", item)).getByLabelText(/^資料2/));
    await user.click(screen.getByRole("button", { name: "記録する" }));

    const documents = group("資料", item);
    expect(await within(documents).findByText(/doc-2/)).toBeInTheDocument();
    expect(within(documents).getByLabelText(/^資料2/)).toBeChecked();
    expect(screen.getByLabelText(/^開催日/)).toHaveValue("2025-09-27");
    expect(within(group(/^議題の名称/, item)).getByLabelText(/^日本語/)).toHaveValue("議題");
  });
});

describe("MeetingEditor: changing a meeting", () => {
  it("shows both versions after someone else saved, and applies the user's change over theirs", async () => {
    const user = userEvent.setup();
    renderApp(`/meetings/${MEETING}/edit`);
    const title = await screen.findByRole("group", { name: /^名称/ }, { timeout: 5000 });
    const ja = within(title).getByLabelText(/^日本語/);
    await user.clear(ja);
    await user.type(ja, "第3回定例理事会(訂正)");

    // Meanwhile another editor changes the number.
    const current = storedMeeting(MEETING);
    const { version: _v, ...theirs } = valuesFromMeeting(current);
    await apiSend("updateMeeting", {
      params: { meetingId: MEETING },
      body: ZMeetingUpdate.parse({ ...theirs, number: 5, version: current.version }),
    });

    await user.click(screen.getByRole("button", { name: "変更を保存" }));
    const conflict = await screen.findByRole("region", { name: /他の|changed/ });
    const rows = within(conflict).getAllByRole("row");
    const numberRow = rows.find((r) => r.textContent?.startsWith("回"));
    expect(numberRow).toHaveTextContent("3");
    expect(numberRow).toHaveTextContent("5");
    // What the user typed is still there.
    expect(within(screen.getByRole("group", { name: /^名称/ })).getByLabelText(/^日本語/)).toHaveValue(
      "第3回定例理事会(訂正)",
    );

    await user.click(within(conflict).getAllByRole("button")[0] as HTMLElement);
    expect(
      await screen.findByText("第3回定例理事会(訂正)", { selector: "h1" }, { timeout: 5000 }),
    ).toBeInTheDocument();
    const saved = storedMeeting(MEETING);
    expect(saved.version).toBe(3);
    // Re-applying applies what this user changed (the title) over the other editor's change (the number).
    expect(saved.title.ja).toBe("第3回定例理事会(訂正)");
    expect(saved.number).toBe(5);
    // Typing, a conflict, a save and the meeting's page: slow on a busy machine.
  }, 45_000);

  it("does not offer editing a closed meeting", async () => {
    await apiSend("closeMeeting", { params: { meetingId: MEETING }, body: { version: 1 } });
    renderApp(`/meetings/${MEETING}/edit`);
    expect(await screen.findByText(/締めたため、編集できません/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "変更を保存" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "理事会で示した数値(凍結)を見る" })).toHaveAttribute(
      "href",
      `/meetings/${MEETING}/snapshot`,
    );
  });

  it("refuses viewers: no form, the 403 page", async () => {
    signInMock("viewer");
    renderApp("/meetings/new");
    expect(
      await screen.findByRole("heading", { level: 1, name: "この画面を見る権限がありません" }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "記録する" })).not.toBeInTheDocument();
  });
});
