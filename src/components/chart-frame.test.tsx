import { act, screen } from "@testing-library/react";
import { useLayoutEffect } from "react";
import { renderWithProviders } from "@/test/render";
import { ChartFrame } from "./chart-frame";

/** An IntersectionObserver the test drives: `show(i)` brings the i-th observed element into view. */
const observers: { callback: IntersectionObserverCallback; element?: Element; instance: unknown }[] = [];
class ObserverStub {
  callback: IntersectionObserverCallback;
  constructor(callback: IntersectionObserverCallback) {
    this.callback = callback;
    observers.push({ callback, instance: this });
  }
  observe(element: Element) {
    const entry = observers.find((o) => o.instance === this);
    if (entry) entry.element = element;
  }
  disconnect() {}
  unobserve() {}
}
const show = (i: number) => {
  const o = observers[i];
  if (!o?.element) throw new Error(`no observed element ${i}`);
  o.callback(
    [{ isIntersecting: true, target: o.element } as IntersectionObserverEntry],
    o.instance as IntersectionObserver,
  );
};

/**
 * The charts drawn so far, in the order they committed, each with what was on the page then. Noted in
 * the commit itself (a layout effect): a passive effect can run after the test has already seen the
 * chart's text, and a loaded machine showed that gap.
 */
const commits: { name: string; othersDrawn: number }[] = [];
const Chart = ({ name }: { name: string }) => {
  useLayoutEffect(() => {
    commits.push({ name, othersDrawn: document.querySelectorAll("[data-drawn]").length - 1 });
  }, [name]);
  return <p data-drawn>{`drawn ${name}`}</p>;
};

const boxAt = (top: number) =>
  ({ top, bottom: top + 100, left: 0, right: 100, width: 100, height: 100 }) as DOMRect;

const frame = (name: string) => (
  <ChartFrame title={name} chart={<Chart name={name} />} table={<p>table</p>} height={100} />
);

describe("ChartFrame: drawn near the viewport, one at a time", () => {
  beforeEach(() => {
    observers.length = 0;
    commits.length = 0;
    vi.stubGlobal("IntersectionObserver", ObserverStub);
    // Far below the viewport unless a test says otherwise (jsdom lays nothing out: every box is at 0).
    vi.spyOn(Element.prototype, "getBoundingClientRect").mockReturnValue(boxAt(5000));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("holds its space until it comes near, then draws; the next chart waits for the one before", async () => {
    renderWithProviders(
      <>
        {frame("a")}
        {frame("b")}
      </>,
    );
    await screen.findByRole("img", { name: "a" });
    expect(screen.queryByText("drawn a")).not.toBeInTheDocument();
    expect(screen.getByRole("img", { name: "a" }).style.height).toBe("100px");
    act(() => {
      show(0);
      show(1);
    });
    // The first draws in its turn; the second only after it, when the browser is idle again.
    expect(await screen.findByText("drawn b")).toBeInTheDocument();
    // Each drew in a commit of its own: b's turn came after a was on the page.
    expect(commits).toEqual([
      { name: "a", othersDrawn: 0 },
      { name: "b", othersDrawn: 1 },
    ]);
  });

  it("draws a chart already near the viewport at the next frame, without waiting for the observer", async () => {
    const measure = vi.mocked(Element.prototype.getBoundingClientRect).mockReturnValue(boxAt(200));
    renderWithProviders(frame("near"));
    // Not read in the commit (that forced the page's layout into it): in the next frame.
    expect(measure).not.toHaveBeenCalled();
    expect(await screen.findByText("drawn near")).toBeInTheDocument();
    expect(measure).toHaveBeenCalled();
    // The observer never reported (`show` was not called).
    expect(observers).toHaveLength(1);
  });

  it("never draws a chart that stays far from the viewport, except for printing", async () => {
    renderWithProviders(frame("far"));
    await screen.findByRole("img", { name: "far" });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText("drawn far")).not.toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(await screen.findByText("drawn far")).toBeInTheDocument();
  });
});
