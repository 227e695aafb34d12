/**
 * The HTTP server: Express with Remix's handler, security headers, compression,
 * static files, health checks, request logs and graceful shutdown.
 * `npm start` builds first when there is no build, so a fresh clone needs no other step.
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { pino } from "pino";
import { getEnv } from "./app/env.server.ts";

const root = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes("--dev");
if (!dev && !process.env.NODE_ENV) process.env.NODE_ENV = "production";
const env = getEnv();
const log = pino({ level: env.LOG_LEVEL, base: undefined });

type AppBuild = ServerBuild & {
  entry: {
    module: ServerBuild["entry"]["module"] & {
      startApp: () => Promise<{
        seeded: boolean;
        migrated: string[];
        database: string;
        demoLogins: { email: string; password: string; what: string }[];
        empty: boolean;
      }>;
      stopApp: () => Promise<void>;
      checkReady: () => Promise<boolean>;
    };
  };
};

async function loadBuild(): Promise<{
  getBuild: () => Promise<AppBuild>;
  /** The production build itself: Remix derives its routes once for an object, on every request for a function. */
  build?: AppBuild;
  vite?: import("vite").ViteDevServer;
}> {
  if (dev) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    return {
      vite,
      getBuild: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<AppBuild>,
    };
  }
  const buildFile = path.join(root, "build/server/index.js");
  if (!fs.existsSync(buildFile)) {
    log.info("no build found: building (about 10 seconds, once)");
    const result = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    if (result.status !== 0) throw new Error("The build failed; see the output above.");
  }
  const build = (await import(pathToFileURL(buildFile).href)) as AppBuild;
  return { getBuild: async () => build, build };
}

/** Refuses state-changing requests from another site (CSRF): their Origin must be ours. */
function sameOriginOnly(): express.RequestHandler {
  return (req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    // API calls authenticate with a bearer token, which browsers never attach by themselves,
    // and API routes ignore cookies: a cross-site page cannot forge them. Gateways may send any Origin.
    if (req.path.startsWith("/api/") && /^Bearer /i.test(req.get("authorization") ?? "")) return next();
    const expected = env.APP_ORIGIN ?? `${req.protocol}://${req.get("host")}`;
    const origin = req.get("origin") ?? refererOrigin(req.get("referer"));
    // Browsers send Origin with every form post; a request with neither header is not a browser's.
    if (origin === undefined || origin === expected) return next();
    log.warn({ origin, expected, path: req.path }, "refused cross-origin request");
    res.status(403).type("text/plain").send("Forbidden: this request did not come from ServiceLoop.");
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "invalid";
  }
}

/** Invitation links carry a token: the access log shows only that there was one. */
function logPath(url: string): string {
  return url.replace(/^\/invite\/[^/?#]+/, "/invite/[token]").replace(/\?.*$/, "");
}

async function main() {
  const { getBuild, build, vite } = await loadBuild();
  const started = await (await getBuild()).entry.module.startApp();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  let shuttingDown = false;
  // Requests being answered, and when the last one arrived: shutdown waits for a quiet moment.
  let inFlight = 0;
  let lastArrival = 0;
  // Requests the database could not answer (marked by the app's handleError): 503, not 500.
  const unavailable = new Set<string>();

  app.use((req, res, next) => {
    inFlight++;
    lastArrival = Date.now();
    res.on("close", () => inFlight--);
    const requestId = crypto.randomUUID();
    res.locals.requestId = requestId;
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.setHeader("X-Request-Id", requestId);
    onHeaders(res, () => {
      if (unavailable.delete(requestId) && res.statusCode === 500) {
        res.statusCode = 503;
        res.setHeader("Retry-After", "2");
      }
    });
    res.on("close", () => unavailable.delete(requestId));
    // While shutting down, no connection is kept for another request.
    if (shuttingDown) res.setHeader("Connection", "close");
    // The client IP as Express resolved it, for sign-in throttling; never trusted from outside.
    req.headers["x-serviceloop-client-ip"] = req.ip ?? "unknown";
    // Loaders of one request get copies of it: this id lets them share the signed-in person.
    req.headers["x-serviceloop-request-id"] = requestId;
    const startedAt = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
      log.info(
        { requestId, method: req.method, path: logPath(req.originalUrl), status: res.statusCode, ms: Math.round(ms) },
        "request",
      );
    });
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: dev ? ["'self'", "ws:"] : ["'self'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: env.APP_ORIGIN?.startsWith("https://") ? [] : null,
        },
      },
      strictTransportSecurity: env.NODE_ENV === "production" ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "same-origin" },
      xFrameOptions: { action: "deny" },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Level 1: HTML and JSON shrink almost as much as at the default level 6 for a
  // fraction of the CPU (measured: the feed page at level 6 lost a quarter of its throughput).
  app.use(compression({ level: 1 }));

  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = !shuttingDown && (await (await getBuild()).entry.module.checkReady());
    res
      .status(ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: ready ? "ready" : "unavailable" });
  });

  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    // Only names with an extension can be files there (favicon.svg): pages skip a file lookup each.
    const publicFiles = express.static(path.join(root, "build/client"), { maxAge: "1h" });
    app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  }

  app.use(sameOriginOnly());
  app.all(
    "*",
    createRequestHandler({
      build: build ?? getBuild,
      mode: env.NODE_ENV,
      getLoadContext: (_req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        markUnavailable: () => unavailable.add(res.locals.requestId as string),
      }),
    }),
  );

  const server: Server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const url = env.APP_ORIGIN ?? `http://localhost:${port}`;
    const lines = [
      "",
      `ServiceLoop is running at ${url}  (database: ${started.database}${started.seeded ? ", demo company seeded" : ""})`,
    ];
    if (started.demoLogins.length) {
      lines.push("Demo logins:");
      for (const l of started.demoLogins) lines.push(`  ${l.email.padEnd(20)} password: ${l.password}   (${l.what})`);
    }
    if (started.empty) {
      lines.push("Nobody can sign in yet. Invite the first admin (with the same settings as this server):");
      lines.push("  npm run cli -- admin invite --email <their e-mail>");
    }
    console.log(lines.join("\n") + "\n");
    log.info({ port }, "listening");
  });

  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, 9_000);
    force.unref();
    // Keep serving for a while: /readyz already answers 503. Close only once the grace time is
    // over, nothing is being answered and no request arrived for a moment: after a busy stretch
    // (pages being rendered), connections the kernel accepted meanwhile are read first, instead of
    // being reset with the listening socket or counted as idle.
    const signalledAt = Date.now();
    const quiet = setInterval(() => {
      const now = Date.now();
      if (now - signalledAt < env.SHUTDOWN_GRACE_MS || inFlight > 0 || now - lastArrival < 100) return;
      clearInterval(quiet);
      stop();
    }, 25);
    function stop() {
      server.close(async () => {
        try {
          await vite?.close();
          await (await getBuild()).entry.module.stopApp();
          log.info("stopped");
          process.exit(0);
        } catch (error) {
          // The database could not be closed cleanly: said, and a non-zero exit for the supervisor.
          log.error({ err: error }, "stopped, but closing failed");
          process.exit(1);
        }
      });
      server.closeIdleConnections();
    }
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "could not start");
  process.exit(1);
});
