/*
 * On a page the server drew (src/server/first-screen-html.ts puts this script, a classic one, last in the
 * body, in place of the app's module): fetches and runs the app only once the browser has shown what the
 * server drew, so the figures and their styles have the connection to themselves and the app's code
 * never holds them back. data-app is the entry, data-deps the modules it imports (its packages),
 * data-preload the page's own modules (fetched now, run when the app asks for them).
 *
 * Last in the body, it runs once the page's styles are in (a script waits for the styles above it),
 * with the whole page parsed: the work below that the page needs anyway is done here, before the first
 * paint, and not in tasks after it that hold up a reader's first tap or scroll (docs/boot.md).
 */
(() => {
  const loader = document.currentScript;
  /*
   * The locale's data for dates and numbers costs 12–30 ms the first time any of them is made (src/i18n/
   * format.ts makes them in the app's first render, in the middle of adopting the page).
   */
  const locale = document.documentElement.lang === "en" ? "en-GB" : "ja-JP";
  const day = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
  new Intl.DateTimeFormat(locale, day).format(0);
  new Intl.NumberFormat(locale).format(1);
  /*
   * The page's first layout (40–80 ms, most of it the system's Japanese fonts being found and opened)
   * is done here, in this script's task, which the paint then follows. Left to the browser, it fell
   * into the page's load event as often as into the frame that paints it.
   */
  void document.body.offsetHeight;

  const listed = (value) => (value ?? "").split(" ").filter(Boolean);
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  let started = false;
  const run = async () => {
    if (started || !loader?.dataset.app) return;
    started = true;
    const deps = listed(loader.dataset.deps);
    for (const href of [...deps, loader.dataset.app, ...listed(loader.dataset.preload)]) {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.crossOrigin = "";
      link.href = href;
      document.head.append(link);
    }
    // A module graph runs in one task: the entry's packages run first, each in a task of its own.
    for (const href of deps) {
      await import(href);
      await nextTask();
    }
    await import(loader.dataset.app);
  };
  // The first contentful paint is reported once it is on the screen (a frame's paint may still be on its way).
  if (globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      setTimeout(run, 0);
    }).observe({ type: "paint", buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(run, 0));
  }
  // A hidden tab paints nothing until it is shown: the app starts there all the same.
  setTimeout(run, 1000);
})();
