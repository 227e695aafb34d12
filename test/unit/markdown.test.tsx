import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "#app/components/markdown.tsx";

describe("Markdown", () => {
  it("renders markdown but never raw HTML or script links", () => {
    const html = renderToStaticMarkup(
      <Markdown>
        {'**Call back** <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))'}
      </Markdown>,
    );
    expect(html).toContain("<strong>Call back</strong>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("javascript:");
  });

  it("renders nothing for empty text", () => {
    expect(renderToStaticMarkup(<Markdown>{"  "}</Markdown>)).toBe("");
  });
});
