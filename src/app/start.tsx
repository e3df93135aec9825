import { StrictMode, startTransition, useLayoutEffect, useState } from "react";
import { FirstScreenOnly } from "@/lib/first-screen-only";
import { adopt, drawInto } from "@/lib/react-root";
import { App, appReady } from "./app";

/**
 * Over the server's page: first exactly what the server drew (the first screen only), so React adopts
 * the page's elements as they are (hydration: nothing is drawn twice, nothing moves), then the rest of
 * the page below it.
 */
const OverServerPage = ({ onWhole }: { onWhole: () => void }) => {
  const [firstOnly, setFirstOnly] = useState(true);
  // In the commit itself (a layout effect): the rest starts drawing right after the adoption, not after
  // the browser has painted it.
  useLayoutEffect(() => {
    if (firstOnly) startTransition(() => setFirstOnly(false));
    else onWhole();
  }, [firstOnly, onWhole]);
  return (
    <FirstScreenOnly.Provider value={firstOnly}>
      <App />
    </FirstScreenOnly.Provider>
  );
};

/** Starts the app in `root`, over the page the server drew in it if it did (src/main.tsx says when). */
export const start = async (root: HTMLElement) => {
  if (root.childElementCount === 0) {
    drawInto(
      root,
      <StrictMode>
        <App />
      </StrictMode>,
    );
    return;
  }
  // The server drew the first screen (src/server/first-screen-html.ts), marked busy until the app has
  // adopted it (its controls work only then) and drawn the rest of the page (whose own loading states
  // then say what is still coming): it stays as it is until the app has the page's code and answers,
  // then React takes it over in slices (a transition). A page it cannot adopt as drawn (a
  // language chosen since in another tab) React draws afresh on its own.
  await appReady();
  startTransition(() => {
    adopt(
      root,
      <StrictMode>
        <OverServerPage onWhole={() => root.removeAttribute("aria-busy")} />
      </StrictMode>,
      {
        // React then draws the page afresh (the reader sees the same page); said, not thrown at the reader.
        onRecoverableError: (error, info) =>
          console.warn("the server's page was drawn afresh:", error, info.componentStack),
      },
    );
  });
};
