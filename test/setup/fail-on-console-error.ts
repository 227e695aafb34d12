import { afterEach, vi } from "vitest";

/** A test that logs an unexpected console.error fails. */
const errors: unknown[][] = [];
const original = console.error;
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  errors.push(args);
  original(...args);
});

afterEach(() => {
  if (errors.length) {
    const seen = errors.splice(0).map((args) => args.map(String).join(" "));
    throw new Error(`console.error was called:\n${seen.join("\n")}`);
  }
});
