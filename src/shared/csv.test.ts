import { csvText, parseCsv, writeCsv } from "./csv";

const cellsOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`${parsed.code} on line ${parsed.line}`);
  return parsed.records;
};

describe("parseCsv", () => {
  it("reads quotes, doubled quotes, commas and line breaks inside quotes", () => {
    const records = cellsOf('a,"b,c","say ""hi""","two\r\nlines"\r\nx,,"",z\r\n');
    expect(records).toEqual([
      { line: 1, cells: ["a", "b,c", 'say "hi"', "two\r\nlines"] },
      { line: 3, cells: ["x", "", "", "z"] },
    ]);
  });

  it("accepts LF, CRLF and CR line ends, a BOM, and no final line break", () => {
    expect(cellsOf("\uFEFFh1,h2\nr1,r2").map((r) => r.cells)).toEqual([
      ["h1", "h2"],
      ["r1", "r2"],
    ]);
    expect(cellsOf("h\r\nr\rs\n").map((r) => [r.line, r.cells[0]])).toEqual([
      [1, "h"],
      [2, "r"],
      [3, "s"],
    ]);
  });

  it("skips blank lines and rows a spreadsheet emptied, keeping the file's line numbers", () => {
    expect(cellsOf("h,i\r\n\r\n,,\r\nx,y\r\n\r\n").map((r) => [r.line, r.cells])).toEqual([
      [1, ["h", "i"]],
      [4, ["x", "y"]],
    ]);
  });

  it("counts a quoted line break when numbering the following lines", () => {
    const records = cellsOf('h\n"a\nb\nc"\nd\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("refuses an unterminated quote on the line it opens, and text after a closing quote", () => {
    expect(parseCsv('h\nok\n"never closed\nmore')).toEqual({
      ok: false,
      line: 3,
      code: "unterminated_quote",
    });
    expect(parseCsv('h\n"a"b,c')).toEqual({ ok: false, line: 2, code: "text_after_quote" });
  });

  it("keeps a quote inside an unquoted cell as a character", () => {
    expect(cellsOf('5" screen,x').map((r) => r.cells)).toEqual([['5" screen', "x"]]);
  });
});

describe("writeCsv", () => {
  it("writes CRLF records, quoting only what needs it, with an optional BOM", () => {
    expect(writeCsv([["a", "b,c", 'q"', " pad"], ["x"]], { bom: true })).toBe(
      '\uFEFFa,"b,c","q"""," pad"\r\nx\r\n',
    );
    expect(writeCsv([["x"]])).toBe("x\r\n");
  });

  it("writes numbers as they are and null or undefined as an empty cell", () => {
    expect(
      writeCsv([
        ["件名", "人数", "備考"],
        ["請求, 誤り", 1860, null],
        ['"引用"', -5, undefined],
      ]),
    ).toBe('件名,人数,備考\r\n"請求, 誤り",1860,\r\n"""引用""",-5,\r\n');
  });

  it("neutralises text a spreadsheet would run as a formula (= + - @ tab CR first)", () => {
    expect(writeCsv([["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]])).toBe(
      "'=1+1,'+1,'-1,'@SUM(A1),'\tx,\"'\rx\"\r\n",
    );
    // The classic payload, and one hidden after a separator: the separator stays inside the quoted cell.
    expect(writeCsv([["=cmd|' /C calc'!A0", "x,=1+1"]])).toBe("'=cmd|' /C calc'!A0,\"x,=1+1\"\r\n");
    expect(writeCsv([['=HYPERLINK("http://x","y")']])).toBe('"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });

  it("leaves alone text with those characters further in, and numbers", () => {
    expect(writeCsv([["a=b", "1-2", "user@example.com", " =x", -5, 0]])).toBe(
      'a=b,1-2,user@example.com," =x",-5,0\r\n',
    );
  });

  it("reads back as what it wrote, formula-like text with its apostrophe", () => {
    const rows = [
      ["=1+1", "ok", "-3"],
      ["@x", "a,b", ""],
    ];
    const parsed = parseCsv(writeCsv(rows, { bom: true }));
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual(rows.map((r) => r.map(csvText)));
    expect(csvText("=1+1")).toBe("'=1+1");
    expect(csvText("1+1")).toBe("1+1");
  });
});
