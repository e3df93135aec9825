import { screen } from "@testing-library/react";
import { z } from "zod";
import { renderWithProviders } from "@/test/render";
import { BilingualTextField, type TText } from "./bilingual-text-field";
import { CheckField } from "./check-field";
import type { TConflictField } from "./conflict-panel";
import { DateField } from "./date-field";
import { FigureField, type TFigureDraft } from "./figure-field";
import { ItemList } from "./item-list";
import { NumberField } from "./number-field";
import { RecordForm } from "./record-form";
import { MultiSelectField, RadioField, SelectField } from "./select-field";
import { SourceRefField, type TSourceValue } from "./source-ref-field";
import { TextAreaField, TextField } from "./text-field";
import { endpoint, type TRecordForm, useRecordForm } from "./use-record-form";

/*
 * The field paths are checked by the compiler, not at run time: each `@ts-expect-error` below marks a
 * path that does not exist or holds a value of another type. If the typing of the kit ever loosens
 * (a name typed as string again), these lines stop being errors and `tsc` fails on the unused directives.
 */

type TEntry = { kind: string; date: string | null; note: TText | null };
type TValues = {
  version: number;
  code: string;
  quote: string | null;
  title: TText;
  note: TText | null;
  count: number | null;
  outside: boolean;
  ids: string[];
  source: TSourceValue;
  figure: TFigureDraft;
  entries: TEntry[];
};

const START: TValues = {
  version: 1,
  code: "",
  quote: null,
  title: { ja: "", en: "" },
  note: null,
  count: null,
  outside: false,
  ids: [],
  source: { documentId: "", cites: [] },
  figure: null,
  entries: [],
};

const ZAny = z.unknown();

/** Never drawn: it only has to compile, with an error exactly where each directive says. */
const wrongPaths = (form: TRecordForm<TValues>) => {
  const { control } = form;
  const conflictFields: TConflictField<TValues>[] = [
    { path: "title", label: "" },
    { path: "entries", label: "" },
    // A path the values do not hold needs to say where "mine" is.
    { path: "status", label: "", pickMine: () => null },
    // @ts-expect-error: no such path, and no pickMine
    { path: "titel", label: "" },
  ];
  // @ts-expect-error: no such path
  form.set("cod", "x");
  // @ts-expect-error: a number path takes no text
  form.set("count", "3");
  return (
    <>
      {conflictFields.length}
      {/* @ts-expect-error: no such path */}
      <TextField control={control} name="cod" label="" />
      {/* @ts-expect-error: a number is not a text */}
      <TextField control={control} name="count" label="" />
      {/* @ts-expect-error: an optional text may be null, so it needs `nullable` */}
      <TextField control={control} name="quote" label="" />
      {/* @ts-expect-error: a required text cannot be stored as null */}
      <TextAreaField control={control} name="code" nullable label="" />
      {/* @ts-expect-error: a date is a text, not a number */}
      <DateField control={control} name="count" label="" />
      {/* @ts-expect-error: a text is not a number */}
      <NumberField control={control} name="code" label="" />
      {/* @ts-expect-error: a choice is a text, not a boolean */}
      <SelectField control={control} name="outside" label="" options={[]} />
      {/* @ts-expect-error: a list of ids, not one */}
      <MultiSelectField control={control} name="code" legend="" options={[]} />
      {/* @ts-expect-error: one id, not a list */}
      <RadioField control={control} name="ids" legend="" options={[]} />
      {/* @ts-expect-error: a yes/no, not a text */}
      <CheckField control={control} name="code" label="" />
      {/* @ts-expect-error: a {ja, en} text, not a string */}
      <BilingualTextField control={control} name="code" legend="" />
      {/* @ts-expect-error: a source, not a text */}
      <SourceRefField control={control} name="title" legend="" />
      {/* @ts-expect-error: a figure, not a number */}
      <FigureField control={control} name="count" legend="" />
      <ItemList
        control={control}
        // @ts-expect-error: a list of ids is not a list of entries
        name="ids"
        title=""
        itemName={String}
        addLabel=""
        empty=""
        newItem={() => ({ kind: "", date: null, note: null })}
      >
        {() => null}
      </ItemList>
      <ItemList
        control={control}
        name="entries"
        title=""
        itemName={String}
        addLabel=""
        empty=""
        // @ts-expect-error: a new entry has the entries' shape
        newItem={() => ({ kind: "" })}
      >
        {(at) => (
          <>
            <TextField control={control} name={`${at}.kind`} label="" />
            <DateField control={control} name={`${at}.date`} nullable label="" />
            <BilingualTextField control={control} name={`${at}.note`} legend="" required={false} />
            {/* @ts-expect-error: no such path in an entry */}
            <TextField control={control} name={`${at}.kinds`} label="" />
            {/* @ts-expect-error: an entry's optional date needs `nullable` */}
            <DateField control={control} name={`${at}.date`} label="" />
          </>
        )}
      </ItemList>
    </>
  );
};

const TypedForm = () => {
  const form = useRecordForm({ initial: START, endpoint: endpoint(ZAny, async () => ({})) });
  const { control } = form;
  return (
    <RecordForm form={form} aria-label="typed">
      <TextField control={control} name="code" label="Code" />
      <TextAreaField control={control} name="quote" nullable label="Quote" />
      <NumberField control={control} name="count" label="Count" />
      <CheckField control={control} name="outside" label="Outside" />
      <BilingualTextField control={control} name="title" legend="Title" />
      <BilingualTextField control={control} name="note" legend="Note" required={false} />
      <MultiSelectField control={control} name="ids" legend="Ids" options={[{ value: "a", label: "A" }]} />
      <FigureField control={control} name="figure" legend="Figure" />
    </RecordForm>
  );
};

describe("typed field paths", () => {
  it("keeps the wrong paths as a compile-time check only", () => {
    expect(wrongPaths).toBeTypeOf("function");
  });

  it("draws the controls the paths name", () => {
    renderWithProviders(<TypedForm />);
    expect(screen.getByRole("form", { name: "typed" })).toBeInTheDocument();
    expect(screen.getByLabelText("Code")).toHaveValue("");
    expect(screen.getByRole("group", { name: /^Figure/ })).toBeInTheDocument();
  });
});
