import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { z } from "zod";
import { ZFigure } from "@/shared/schemas/common";
import { renderWithProviders } from "@/test/render";
import { FigureField, type TFigureDraft } from "./figure-field";
import { FormActions } from "./form-actions";
import { RecordForm } from "./record-form";
import { endpoint, useRecordForm } from "./use-record-form";

const ZBody = z.strictObject({ count: ZFigure });
const SOURCE = { documentId: "notice", cites: [] };

const TestForm = ({
  send,
  confirmedNone = true,
}: {
  send: (body: z.infer<typeof ZBody>) => Promise<unknown>;
  confirmedNone?: boolean;
}) => {
  const form = useRecordForm<{ count: TFigureDraft }>({
    // The figure's source is already set (this form does not show it).
    initial: { count: { status: "not_reported", missing: { ja: "人数", en: "count" }, source: SOURCE } },
    endpoint: endpoint(ZBody, send),
  });
  return (
    <RecordForm form={form} aria-label="test">
      <FigureField
        control={form.control}
        name="count"
        legend="Affected"
        withSource={false}
        confirmedNone={confirmedNone}
      />
      <FormActions submitLabel="Save" />
    </RecordForm>
  );
};

describe("FigureField", () => {
  it("offers 確認の結果なし as a state of its own, sent without a number", async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    renderWithProviders(<TestForm send={async (body) => sent.push(body)} />);
    const states = screen.getByRole("radiogroup", { name: "数値の状態" });
    await user.click(within(states).getByLabelText("確認の結果なし"));
    // No number to type: the source said none were affected.
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    expect(
      screen.getByText(/0 として数えますが、未報告とも報告された 0 とも区別して表示します/),
    ).toBeInTheDocument();
    // Typed under "reported", then switched: the number is not sent with "confirmed none".
    await user.click(within(states).getByLabelText("報告された数値"));
    await user.type(screen.getByRole("textbox"), "12");
    await user.click(within(states).getByLabelText("確認の結果なし"));
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ count: { status: "confirmed_none", source: SOURCE } });
  });

  it("leaves it out where it makes no sense (an amount of money, a count of people put right)", () => {
    renderWithProviders(<TestForm send={async () => undefined} confirmedNone={false} />);
    const states = screen.getByRole("radiogroup", { name: "数値の状態" });
    expect(within(states).getAllByRole("radio")).toHaveLength(4);
    expect(within(states).queryByLabelText("確認の結果なし")).not.toBeInTheDocument();
  });
});
