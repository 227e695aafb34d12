/**
 * A small cookie-keeping HTTP client: what a browser without JavaScript
 * does, over real HTTP. Redirects are not followed, so tests see them.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();

  private readonly origin: string;
  private readonly defaultHeaders: Record<string, string>;

  /** `origin` is what the browser would send as Origin; `headers` go with every request (say, a proxy's). */
  constructor(
    readonly baseUrl: string,
    options: { origin?: string; headers?: Record<string, string> } = {},
  ) {
    this.origin = options.origin ?? baseUrl;
    this.defaultHeaders = options.headers ?? {};
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers({ ...this.defaultHeaders, ...Object.fromEntries(new Headers(init.headers)) });
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    }
    const method = init.method ?? (init.form ? "POST" : "GET");
    if (method !== "GET" && method !== "HEAD" && !headers.has("Origin")) headers.set("Origin", this.origin);
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, method, headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/Max-Age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string, init: RequestInit = {}) {
    return this.request(path, init);
  }

  post(path: string, form: Record<string, string> = {}, init: RequestInit = {}) {
    return this.request(path, { ...init, method: "POST", form });
  }

  /** Joins through an invitation link (`/invite/<token>`) with a name and a password typed twice. */
  acceptInvitation(path: string, name: string, password: string) {
    return this.post(path, { name, password, confirmPassword: password });
  }

  async signIn(email: string, password: string): Promise<this> {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`Sign-in as ${email} answered ${response.status}`);
    return this;
  }
}
