import { pino } from "pino";
import { getEnv } from "./env.server.ts";

/** One JSON-lines logger for the process. Never log tokens, passwords or cookies. */
export const logger = pino({
  level: process.env.VITEST ? "silent" : getEnv().LOG_LEVEL,
  base: undefined,
  redact: {
    paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "headers.cookie"],
    censor: "[redacted]",
  },
});
