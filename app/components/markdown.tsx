import ReactMarkdown from "react-markdown";

/**
 * Markdown written by people in the app. Raw HTML is never rendered (react-markdown
 * escapes it) and unsafe link protocols such as `javascript:` are dropped.
 */
export function Markdown({ children, className }: { children: string; className?: string }) {
  if (!children.trim()) return null;
  return (
    <div className={["markdown", className].filter(Boolean).join(" ")}>
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
