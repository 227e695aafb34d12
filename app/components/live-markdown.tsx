import ReactMarkdown from "react-markdown";

/**
 * Markdown rendered in the browser as it is typed (a form's live preview):
 * the one place that ships the markdown library to the browser. Same rules as
 * `renderMarkdown`: no raw HTML, no unsafe links.
 */
export function LiveMarkdown({ children }: { children: string }) {
  if (!children.trim()) return null;
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
