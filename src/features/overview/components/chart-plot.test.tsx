import { act, render, screen } from "@testing-library/react";
import { ChartPlot, useOneByOne } from "./chart-plot";

const Sized = ({ guess }: { guess: { width: number; height: number } }) => (
  <ChartPlot guess={guess}>{(initial) => <p>{`${initial.width}×${initial.height}`}</p>}</ChartPlot>
);

describe("ChartPlot", () => {
  it("draws the chart at the plot's measured size from its first render", async () => {
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
      width: 612.4,
      height: 229.6,
    } as DOMRect);
    render(<Sized guess={{ width: 560, height: 230 }} />);
    expect(await screen.findByText("612×230")).toBeInTheDocument();
  });

  it("follows the plot's size when it changes, so the chart can choose what fits", async () => {
    let resized: () => void = () => undefined;
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(callback: () => void) {
          resized = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const box = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect");
    box.mockReturnValue({ width: 612, height: 230 } as DOMRect);
    render(<Sized guess={{ width: 560, height: 230 }} />);
    expect(await screen.findByText("612×230")).toBeInTheDocument();
    box.mockReturnValue({ width: 340, height: 230 } as DOMRect);
    act(() => resized());
    expect(await screen.findByText("340×230")).toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it("draws it at the guess where nothing is laid out", async () => {
    render(<Sized guess={{ width: 560, height: 230 }} />);
    expect(await screen.findByText("560×230")).toBeInTheDocument();
  });
});

const Panels = ({ count }: { count: number }) => {
  const shown = useOneByOne(count);
  return <p>{`${shown} of ${count}`}</p>;
};

describe("useOneByOne", () => {
  it("lets one more chart draw in each task, until all have", async () => {
    vi.useFakeTimers();
    try {
      render(<Panels count={3} />);
      expect(screen.getByText("1 of 3")).toBeInTheDocument();
      await act(async () => vi.advanceTimersByTime(0));
      expect(screen.getByText("2 of 3")).toBeInTheDocument();
      await act(async () => vi.advanceTimersByTime(0));
      expect(screen.getByText("3 of 3")).toBeInTheDocument();
      await act(async () => vi.advanceTimersByTime(100));
      expect(screen.getByText("3 of 3")).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets them all draw at once for printing", async () => {
    vi.useFakeTimers();
    try {
      render(<Panels count={4} />);
      await act(async () => window.dispatchEvent(new Event("beforeprint")));
      expect(screen.getByText("4 of 4")).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});
