// Cleaning HTML pasted from Word, WPS or web pages before the editor's schema parses it.
// The schema already drops what it does not know (styles, fonts, scripts, classes); this
// turns the few things Office writes differently into what the schema understands.

/** h1 becomes our top subheading level; Word's list paragraphs become real lists. */
export function cleanPastedHtml(html: string): string {
  let out = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|xml|title)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<(meta|link)\b[^>]*>/gi, "")
    .replace(/<\/?o:p>/gi, "")
    .replace(/<(\/?)h1\b/gi, "<$1h2")
    .replace(/<(\/?)h[4-6]\b/gi, "<$1h3");
  out = convertOfficeLists(out);
  return out;
}

const OFFICE_LIST_PARAGRAPH =
  /<p\b[^>]*class="?[^">]*MsoListParagraph[^">]*"?[^>]*>([\s\S]*?)<\/p>/gi;
const LEADING_JUNK = /^(?:\s|&nbsp;|<[^>]+>)+/;
const BULLET = /^(?:[·•▪◦§o]|&middot;|&#183;)/;
const NUMBER = /^(?:\d+|[a-zA-Z]|[一二三四五六七八九十]+)[.．、)）]/;

/** The item's content without the marker Word typed before it (and the tags around it). */
function stripMarker(item: string, marker: RegExp): string {
  const rest = item.replace(LEADING_JUNK, "");
  return marker.test(rest) ? rest.replace(marker, "").replace(LEADING_JUNK, "") : item;
}

/** Word marks list items as paragraphs with a typed marker; rebuild <ul>/<ol> from runs of them. */
function convertOfficeLists(html: string): string {
  return html.replace(/(?:<p\b[^>]*class="?[^">]*MsoListParagraph[\s\S]*?<\/p>\s*)+/gi, (run) => {
    const items = Array.from(run.matchAll(OFFICE_LIST_PARAGRAPH), (m) => m[1] ?? "");
    const ordered =
      items.length > 0 && items.every((item) => NUMBER.test(item.replace(LEADING_JUNK, "")));
    const cleaned = items.map((item) => stripMarker(item, ordered ? NUMBER : BULLET));
    const tag = ordered ? "ol" : "ul";
    return `<${tag}>${cleaned.map((c) => `<li><p>${c}</p></li>`).join("")}</${tag}>`;
  });
}
