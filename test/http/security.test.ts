import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  // SIGTERM: the server drains and exits cleanly.
  expect(await server?.stop()).toBe(0);
});

const client = () => new HttpClient(server.baseUrl);
const admin = () => client().signIn("admin@demo.test", "serviceloop");

describe("headers", () => {
  it("sends a nonce CSP that matches the page's scripts, and refuses framing and sniffing", async () => {
    const response = await (await admin()).get("/");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("marks signed-in pages no-store and compresses them", async () => {
    const response = await (await admin()).get("/departments", { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  it("answers health and readiness checks", async () => {
    const health = await client().get("/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await client().get("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });
});

describe("signing in and out", () => {
  it("rotates the session at sign-in and ends it at sign-out", async () => {
    const browser = await client().signIn("employee@demo.test", "serviceloop");
    const first = browser.cookie("sl_session")!;
    await browser.signIn("employee@demo.test", "serviceloop");
    const second = browser.cookie("sl_session")!;
    expect(second).not.toBe(first);

    const stale = new HttpClient(server.baseUrl);
    await stale.request("/", { headers: { Cookie: `sl_session=${first}` } }).then((r) => expect(r.status).toBe(302));

    const logout = await browser.post("/logout");
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe("/login");
    const replay = await client().request("/", { headers: { Cookie: `sl_session=${second}` } });
    expect(replay.status).toBe(302);
  });

  it("says the same for an unknown e-mail and a wrong password", async () => {
    const message = async (email: string) => {
      const response = await client().post("/login", { email, password: "definitely-wrong" });
      expect(response.status).toBe(400);
      return /<div class="form-errors" role="alert">(.*?)<\/div>/.exec(await response.text())?.[1];
    };
    const known = await message("leader@demo.test");
    expect(known).toContain("The e-mail address or the password is not right.");
    expect(await message("nobody-here@demo.test")).toBe(known);
  });

  it("only follows same-site redirects after sign-in", async () => {
    const go = async (redirectTo: string) =>
      (await client().post("/login", { email: "employee@demo.test", password: "serviceloop", redirectTo })).headers.get(
        "location",
      );
    expect(await go("/departments/claims")).toBe("/departments/claims");
    expect(await go("//evil.example/")).toBe("/");
    expect(await go("/\\evil.example")).toBe("/");
    expect(await go("https://evil.example/")).toBe("/");
  });

  it("throttles repeated failures with 429 and a wait time", async () => {
    const browser = client();
    for (let i = 0; i < 5; i++) await browser.post("/login", { email: "manager@demo.test", password: `wrong-${i}` });
    const locked = await browser.post("/login", { email: "manager@demo.test", password: "serviceloop" });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Too many attempts. Try again in 15 minutes.");
  });
});

describe("cross-site requests", () => {
  it("refuses a form post from another origin and changes nothing", async () => {
    const browser = await admin();
    const forged = await browser.post(
      "/admin/departments",
      { name: "Forged Department", description: "" },
      { headers: { Origin: "https://evil.example" } },
    );
    expect(forged.status).toBe(403);
    const viaReferer = await browser.request("/admin/departments", {
      method: "POST",
      form: { name: "Forged Department", description: "" },
      headers: { Origin: "", Referer: "https://evil.example/page" },
    });
    expect(viaReferer.status).toBe(403);
    expect(await (await browser.get("/admin/departments")).text()).not.toContain("Forged Department");
  });
});

describe("bad input", () => {
  it("answers an invalid invitation with field messages and creates nobody", async () => {
    const browser = await admin();
    const response = await browser.post("/admin/people", { email: "not-an-address", role: "owner" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter an e-mail address, like name@company.com.");
    expect(html).toContain("Choose one of the options.");
    expect(html).toMatch(/aria-invalid="true"/);
    expect(await (await browser.get("/admin/people")).text()).not.toContain("not-an-address");
  });

  it("answers ids that are not ids with a 404 page", async () => {
    const response = await (await admin()).get("/admin/people/1%27%20or%201=1");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  // Found by wapiti (docs/security.md): PostgreSQL text cannot hold U+0000, so a NUL that
  // reached a query was a 500. Each request below took its NUL to the database before the fix.
  it("refuses text with a NUL byte as bad input, never with a server error", async () => {
    const nul = "before\u0000after";
    // Signed out: the sign-in form (the scan, signed in, never saw it).
    expect((await client().post("/login", { email: `nobody${nul}@demo.test`, password: "wrong" })).status).toBe(400);
    const employee = await client().signIn("employee@demo.test", "serviceloop");
    expect((await employee.get(`/stories?q=${encodeURIComponent(nul)}`)).status).toBe(200);
    expect((await employee.get("/stories?department=customer%00service")).status).toBe(200);
    expect((await employee.get("/departments/customer-service/kpis/nps%00")).status).toBe(404);
    const suggestion = await employee.post("/departments/customer-service/improvements", {
      intent: "suggest",
      description: nul,
    });
    expect(suggestion.status).toBe(400);
    expect(await suggestion.text()).toContain("This value is not valid.");

    // The admin: the throttling test above leaves the demo manager locked out.
    const manager = await admin();
    const created = await manager.post("/departments/customer-service/kpis/tokens", { intent: "create", name: "NUL" });
    const token = /data-testid="new-token">(sl_[A-Za-z0-9_-]+)</.exec(await created.text())![1]!;
    const api = await fetch(`${server.baseUrl}/api/v1/departments/customer-service/survey-responses`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        responses: [{ kind: "nps", score: 9, respondedAt: "2025-10-01T10:00:00Z", comment: nul }],
      }),
    });
    expect(api.status).toBe(422);
    expect(
      await (
        await fetch(`${server.baseUrl}/api/v1/departments/customer-service/kpis/nps%00/readings`, {
          method: "PUT",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ readings: [{ periodStart: "2025-10-01", value: 1 }] }),
        })
      ).status,
    ).toBe(404);

    // A CSV file: the preview lists the row, and the file cannot be imported.
    const upload = new FormData();
    upload.set("target", "responses");
    upload.set(
      "file",
      new Blob([`kind,score,responded_at,comment\nnps,9,2025-10-01T10:00:00Z,${nul}\n`]),
      `${nul}.csv`,
    );
    const preview = await manager.request("/departments/customer-service/kpis/import", {
      method: "POST",
      body: upload,
    });
    expect(preview.status).toBe(302);
    const uploadId = /upload=([0-9a-f-]{36})/.exec(preview.headers.get("location") ?? "")![1]!;
    const imported = await manager.post("/departments/customer-service/kpis/import", {
      intent: "import",
      upload: uploadId,
    });
    expect(imported.status).toBe(422);
  });

  it("explains a 403: what the visitor would need to be", async () => {
    const browser = await client().signIn("manager@demo.test".replace("manager", "employee"), "serviceloop");
    const response = await browser.get("/departments/claims/reviews/new");
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("You need to be a manager of Claims to open this page.");
  });
});

describe("invitations over HTTP", () => {
  it("lets an admin invite someone who then joins through the link, once", async () => {
    const browser = await admin();
    const invite = await browser.post("/admin/people", { email: "Nora.New@demo.test", role: "employee" });
    expect(invite.status).toBe(200);
    const html = await invite.text();
    const link =
      /id="invitation-link"[^>]*value="([^"]+)"/.exec(html)?.[1] ??
      /value="([^"]+)"[^>]*id="invitation-link"/.exec(html)?.[1];
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const path = new URL(link!).pathname;
    const token = path.split("/").pop()!;

    // The outbox log line has the link (no mail server is configured).
    expect(server.output()).toContain(link!);

    const newcomer = client();
    expect((await newcomer.get(path)).status).toBe(200);
    const weak = await newcomer.acceptInvitation(path, "Nora New", "password1234");
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("list of common passwords");
    const join = await newcomer.acceptInvitation(path, "Nora New", "fjord lantern quietly 42");
    expect(join.status).toBe(302);
    expect(await (await newcomer.get("/")).text()).toContain("Welcome, Nora New");
    // The access log shows that an invitation was opened, never its token.
    const accessLines = server
      .output()
      .split("\n")
      .filter((l) => l.includes('"msg":"request"'));
    expect(accessLines.some((l) => l.includes('"path":"/invite/[token]"'))).toBe(true);
    expect(accessLines.some((l) => l.includes(token))).toBe(false);

    expect((await client().get(path)).status).toBe(410);
    expect((await client().acceptInvitation(path, "X", "another long password")).status).toBe(422);
  });
});

describe("language", () => {
  it("switches the page language and keeps a signed-in person's choice", async () => {
    const visitor = client();
    const switched = await visitor.post("/language", { locale: "sv", redirectTo: "/login" });
    expect(switched.headers.get("location")).toBe("/login");
    expect(await (await visitor.get("/login")).text()).toMatch(/<html lang="sv"/);

    const person = await client().signIn("leader@demo.test", "serviceloop");
    await person.post("/language", { locale: "da", redirectTo: "/" });
    const elsewhere = await client().signIn("leader@demo.test", "serviceloop");
    expect(await (await elsewhere.get("/")).text()).toMatch(/<html lang="da"/);
    await person.post("/language", { locale: "en", redirectTo: "/" });
  });

  it("follows Accept-Language for a first visit, Norwegian included", async () => {
    const html = await (await client().get("/login", { headers: { "Accept-Language": "no,en;q=0.5" } })).text();
    expect(html).toMatch(/<html lang="nb"/);
  });
});

describe("changing the password", () => {
  it("ends the person's other sessions and keeps this one", async () => {
    const here = await client().signIn("sara.ali@demo.test", "serviceloop");
    const there = await client().signIn("sara.ali@demo.test", "serviceloop");
    const wrong = await here.post("/profile", {
      intent: "password",
      currentPassword: "not-it",
      newPassword: "a much longer passphrase",
      confirmPassword: "a much longer passphrase",
    });
    expect(wrong.status).toBe(422);
    expect((await there.get("/")).status).toBe(200);
    const changed = await here.post("/profile", {
      intent: "password",
      currentPassword: "serviceloop",
      newPassword: "a much longer passphrase",
      confirmPassword: "a much longer passphrase",
    });
    expect(changed.status).toBe(302);
    expect((await here.get("/")).status).toBe(200);
    expect((await there.get("/")).status).toBe(302);
  });
});

describe("behind https (APP_ORIGIN)", () => {
  let secure: AppServer;
  beforeAll(async () => {
    secure = await startAppServer({ APP_ORIGIN: "https://serviceloop.example" });
  });
  afterAll(async () => {
    await secure?.stop();
  });

  it("uses a Secure __Host- cookie and checks Origin against APP_ORIGIN", async () => {
    const foreign = new HttpClient(secure.baseUrl);
    const refused = await foreign.post("/login", { email: "admin@demo.test", password: "serviceloop" });
    expect(refused.status).toBe(403);
    // As a TLS-terminating proxy in front of the app would forward it.
    const browser = new HttpClient(secure.baseUrl, {
      origin: "https://serviceloop.example",
      headers: { "X-Forwarded-Host": "serviceloop.example", "X-Forwarded-Proto": "https" },
    });
    const response = await browser.post("/login", { email: "admin@demo.test", password: "serviceloop" });
    expect(response.status).toBe(302);
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("__Host-sl_session=") && !/Max-Age=0/.test(c));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
    expect(response.headers.get("strict-transport-security")).toContain("max-age=31536000");
  });
});
