import { createContext, useContext } from "react";

/*
 * Set by the server-side render of the first screen (src/app/render-first-screen.tsx): a page then leaves
 * out what is long and far down (the overview: the course of each case), so the HTML stays small and
 * paints at once; the browser draws it when the app starts (nothing drawn moves: it only adds to the
 * page's end).
 */
export const FirstScreenOnly = createContext(false);

export const useFirstScreenOnly = () => useContext(FirstScreenOnly);
