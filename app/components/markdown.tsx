/**
 * Markdown written by people in the app, shown as HTML that the server made
 * (`renderMarkdown` in ./markdown.server.tsx): the browser never needs the
 * markdown library to read a page. Raw HTML is never rendered and unsafe link
 * protocols such as `javascript:` are dropped there, so the HTML is safe to insert.
 */
export function Markdown({ html, className }: { html: string; className?: string }) {
  if (!html) return null;
  return (
    <div className={["markdown", className].filter(Boolean).join(" ")} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
