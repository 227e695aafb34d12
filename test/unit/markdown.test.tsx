import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LiveMarkdown } from "#app/components/live-markdown.tsx";
import { Markdown } from "#app/components/markdown.tsx";
import { renderMarkdown } from "#app/components/markdown.server.tsx";
import { plainExcerpt } from "#app/modules/stories/queries.server.ts";

const HOSTILE = '**Call back** <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))';

describe("markdown", () => {
  it("is rendered on the server without raw HTML or script links", () => {
    const html = renderMarkdown(HOSTILE);
    expect(html).toContain("<strong>Call back</strong>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("javascript:");
  });

  it("keeps safe links and escapes what looks like markup in text", () => {
    const html = renderMarkdown("[the promise](https://example.com/promise) 5 < 6 & `<b>`");
    expect(html).toContain('<a href="https://example.com/promise">the promise</a>');
    expect(html).toContain("5 &lt; 6 &amp; <code>&lt;b&gt;</code>");
  });

  it("is shown as the server made it, and nothing for empty text", () => {
    const page = renderToStaticMarkup(<Markdown html={renderMarkdown("*so kind*")} className="lead" />);
    expect(page).toBe('<div class="markdown lead"><p><em>so kind</em></p></div>');
    expect(renderMarkdown("  ")).toBe("");
    expect(renderToStaticMarkup(<Markdown html="" />)).toBe("");
  });

  it("previews live in the browser by the same rules", () => {
    const html = renderToStaticMarkup(<LiveMarkdown>{HOSTILE}</LiveMarkdown>);
    expect(html).toBe(`<div class="markdown">${renderMarkdown(HOSTILE)}</div>`);
    expect(renderToStaticMarkup(<LiveMarkdown> </LiveMarkdown>)).toBe("");
  });
});

describe("plainExcerpt", () => {
  it("strips the marks and cuts at a word within the length", () => {
    expect(plainExcerpt("# Title\n\nA **bold** [link](https://x.test) here", 240)).toBe("Title A bold link here");
    expect(plainExcerpt("one two three four", 9)).toBe("one two…");
  });

  it("marks a short text as cut when it is only the start of the story, without a broken last word", () => {
    expect(plainExcerpt("one two thr", 240, true)).toBe("one two…");
    expect(plainExcerpt("one two", 240, false)).toBe("one two");
  });
});
