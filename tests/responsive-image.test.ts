/** The public image component, rendered to HTML as a server component renders it. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ResponsiveImage, type ResponsiveImageProps } from "@/components/public/responsive-image";

const image = { storageKey: "k1", mimeType: "image/jpeg", width: 2400, height: 1600, variantWidths: "480,960,1600" };
const render = (props: ResponsiveImageProps) => renderToStaticMarkup(createElement(ResponsiveImage, props));

describe("a library image on a public page", () => {
  it("offers every WebP copy in srcset, with sizes, its dimensions and lazy loading", () => {
    const html = render({ image, alt: "Boats in the harbour" });
    expect(html).toBe(
      '<img src="/media/k1/1600.webp" srcSet="/media/k1/480.webp 480w, /media/k1/960.webp 960w, /media/k1/1600.webp 1600w" ' +
        'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" width="2400" height="1600" alt="Boats in the harbour" loading="lazy" decoding="async"/>',
    );
  });

  it("loads at once with high priority when it is the page's lead image", () => {
    const html = render({ image, alt: "Boats", priority: true, sizes: "100vw" });
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchPriority="high"');
    expect(html).toContain('sizes="100vw"');
  });

  it("becomes a figure with the caption and the credit when it has them", () => {
    const html = render({ image, alt: "Boats", caption: "The fleet at dawn.", credit: "Mira Santos" });
    expect(html).toMatch(/^<figure class="media-figure"><img [^>]+\/><figcaption>/);
    expect(html).toContain('<figcaption><span class="media-caption">The fleet at dawn.</span> <span class="media-credit">Mira Santos</span></figcaption>');
    expect(render({ image, alt: "Boats", credit: "Mira Santos" })).toContain('<figcaption><span class="media-credit">Mira Santos</span></figcaption>');
  });

  it("falls back to the original for an image with no copies, without srcset or sizes", () => {
    const html = render({ image: { ...image, variantWidths: "" }, alt: "" });
    expect(html).toContain('src="/media/k1/original.jpg"');
    expect(html).not.toContain("srcSet");
    expect(html).not.toContain("sizes");
    expect(html).toContain('alt=""');
  });
});
