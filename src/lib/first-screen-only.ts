import { createContext, useContext } from "react";

/*
 * Set by the server-side render of the first screen (src/app/render-first-screen.tsx): a page then draws
 * only what fills the first screen, so the HTML stays small and paints at once; the browser draws the
 * rest below it when the app starts (nothing drawn moves: the rest only adds to the page's end).
 */
export const FirstScreenOnly = createContext(false);

export const useFirstScreenOnly = () => useContext(FirstScreenOnly);
