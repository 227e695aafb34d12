import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "#app/http.server.ts";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";

// Any URL no route claims: a real 404 page (public, so that it also answers signed-out visitors).
export async function loader(_args: LoaderFunctionArgs) {
  throw notFound();
}

export async function action() {
  throw notFound();
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
