import { describe, expect, it } from "vitest";
import { startAppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

/**
 * SIGTERM while pages are being served: /readyz turns 503, every request
 * already sent is answered, then the process closes the database and exits.
 */
describe("shutting down under load", () => {
  it("answers every request already in flight, then closes the database and exits cleanly", async () => {
    const server = await startAppServer();
    const client = await new HttpClient(server.baseUrl).signIn("employee@demo.test", "serviceloop");
    const cookie = `sl_session=${client.cookie("sl_session")}`;
    // Warm up, so the load below is real pages rather than the first compile.
    expect((await fetch(`${server.baseUrl}/stories`, { headers: { cookie } })).status).toBe(200);

    const inFlight = Array.from({ length: 24 }, (_, i) =>
      fetch(`${server.baseUrl}${i % 2 ? "/stories" : "/kpis"}`, { headers: { cookie } }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
    );
    // Let the requests reach the server, then ask it to stop while they are being answered.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const stopping = server.stop();
    // While it finishes, the load balancer is told to look elsewhere.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("connection")).toBe("close");
    const [statuses, code] = await Promise.all([Promise.all(inFlight), stopping]);

    expect(statuses).toEqual(inFlight.map(() => 200));
    // Exit code 0 is the graceful path: past 9 s the server gives up and exits with 1.
    expect(code).toBe(0);
    const log = server.output();
    expect(log.indexOf("shutting down")).toBeGreaterThan(-1);
    expect(log.indexOf("stopped")).toBeGreaterThan(log.indexOf("shutting down"));
  });
});
