import { start } from "@/app/start";
import "@/app/styles.css";

// Mock mode (`npm run dev:mock`) must intercept before the first request, so the worker starts first.
const startMocking = async () => {
  if (import.meta.env.VITE_API_MOCKING !== "true") return;
  const { worker } = await import("@/mocks/browser");
  await worker.start({ onUnhandledRequest: "bypass", quiet: true });
};

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
void startMocking().then(() => start(root));
