import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";

/**
 * Markdown as HTML, for `<Markdown html>`. react-markdown escapes raw HTML
 * (`skipHtml` drops it) and removes unsafe link protocols (`javascript:`,
 * `data:`, …). Empty text gives an empty string.
 */
export function renderMarkdown(text: string): string {
  if (!text.trim()) return "";
  return renderToStaticMarkup(<ReactMarkdown skipHtml>{text}</ReactMarkdown>);
}

/** A text object with its markdown rendered beside it (`html`). */
export function rich<T extends { text: string }>(value: T): T & { html: string } {
  return { ...value, html: renderMarkdown(value.text) };
}
