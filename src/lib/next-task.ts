/**
 * Resolves in a task of its own. Work after it no longer lengthens the task that awaited it: the app's
 * start (the router, the pages' loaders, their code) is then several short tasks, none of which holds up
 * a reader's first tap or scroll for long (docs/boot.md).
 */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
