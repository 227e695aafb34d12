import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import "#app/i18n/server.ts";
import "#app/modules/forms.ts";
import { isDatabaseUnavailable } from "#db/connect.ts";
import { logger } from "#app/logger.server.ts";
import { NonceContext, RequestIdContext } from "#app/nonce.tsx";

export { startApp, stopApp, checkReady } from "#app/lifecycle.server.ts";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    requestId: string;
    /** The database could not answer this request: the server turns its 500 into 503 (server.ts). */
    markUnavailable: () => void;
  }
}

const ABORT_DELAY = 5_000;

/** Pages are per person and change all the time: never stored by browsers or proxies. */
function noStore(headers: Headers) {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={loadContext.cspNonce}>
        <RequestIdContext.Provider value={loadContext.requestId}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={loadContext.cspNonce} />
        </RequestIdContext.Provider>
      </NonceContext.Provider>,
      {
        nonce: loadContext.cspNonce,
        // Loaders never defer, so the whole page is ready at once: it is sent as one buffer
        // rather than streamed in React's 2 KB chunks (each chunk cost a trip through the
        // stream adapters and the gzip stream: a tenth of a feed page's CPU time).
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          const chunks: Uint8Array[] = [];
          const body = new Writable({
            write(chunk: Uint8Array, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              // Finished: the abort timer must not fire into the ended sink (it created an error per page).
              clearTimeout(timer);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              noStore(responseHeaders);
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error, requestId: loadContext.requestId }, "render error");
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  noStore(response.headers);
  return response;
};

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // A 4xx that Remix raises itself (say, 405 for OPTIONS on a page) is an answer, not an error.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const loadContext = context as AppLoadContext | undefined;
  if (isDatabaseUnavailable(error)) {
    loadContext?.markUnavailable();
    logger.warn({ err: error, requestId: loadContext?.requestId }, "database unavailable");
    return;
  }
  logger.error(
    { err: error, requestId: (context as AppLoadContext | undefined)?.requestId, url: new URL(request.url).pathname },
    "unhandled error",
  );
};
