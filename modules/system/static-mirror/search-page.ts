/**
 * The mirror's search page: the site's own search page (its header, footer and styles) with the
 * results drawn in the browser by `search/search.js` from the index in `search/index-data.js`.
 * The words come from `?q=`, as on the site, so the header's search form works unchanged.
 */
const main = /(<main\b[^>]*>)[\s\S]*?(<\/main>)/;

export const searchScripts = ["minisearch.js", "index-data.js", "search.js"];

export function mirrorSearchPage(siteSearchPage: string): string {
  if (!main.test(siteSearchPage)) throw new Error("The site's search page has no <main> element");
  const body = `<div class="space-y-8"><header class="max-w-2xl space-y-4"><h1 class="font-serif text-4xl leading-tight">Search</h1><form role="search" class="flex max-w-xl gap-2" action="index.html" method="get"><label for="search-q" class="sr-only">Search the archive</label><input id="search-q" type="search" maxLength="200" placeholder="Laws, articles, people and organizations" class="min-w-0 flex-1 rounded border border-control bg-paper px-3 py-2 text-ink placeholder:text-muted" name="q" value=""/><button type="submit" class="inline-flex items-center justify-center gap-2 text-sm font-semibold rounded px-4 py-2 bg-accent text-on-accent hover:bg-accent-dark border border-accent ">Search</button></form><p class="text-sm text-muted">This is a copy of the archive: its search runs in your browser. Names and titles are found in any script and spelling: &#1046;&#1072;&#1087;&#1072;&#1088;&#1086;&#1074;, Japarov and Zhaparov find the same person.</p></header><section aria-labelledby="results-heading" class="space-y-4"><h2 id="results-heading" class="border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">Type a word or a name to search the archive.</h2><ol id="search-results" class="divide-y divide-rule"></ol></section><noscript><p class="text-muted">Searching this copy of the archive needs JavaScript.</p></noscript></div>`;
  const scripts = searchScripts.map((file) => `<script src="${file}"></script>`).join("");
  return siteSearchPage
    .replace(main, (_, open: string, close: string) => `${open}${body}${close}`)
    .replace("</body>", `${scripts}</body>`);
}

/** The page's script: vanilla, no build step; every text is set with textContent. */
export const searchScript = `(function () {
  "use strict";
  var data = window.MarginaliaSearch;
  var input = document.getElementById("search-q");
  var heading = document.getElementById("results-heading");
  var results = document.getElementById("search-results");
  if (!data || !input || !heading || !results) return;
  var index = MiniSearch.loadJS(data.index, data.options);

  // As foldForSearch (lib/text.ts) folds the indexed text: letters spelled in ASCII, lower case.
  function fold(text) {
    var spaced = text.normalize("NFC").replace(/[^\\p{L}\\p{N}\\p{M}]+/gu, " ");
    var out = "";
    for (var letter of spaced) out += Object.prototype.hasOwnProperty.call(data.fold, letter) ? data.fold[letter] : letter;
    return out.normalize("NFD").replace(/\\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(q) {
    results.textContent = "";
    var words = fold(q);
    if (!words) {
      heading.textContent = "Type a word or a name to search the archive.";
      return;
    }
    var found = index.search(words, { prefix: true, fuzzy: 0.2, combineWith: "AND", boost: { title: 3, names: 2 } });
    heading.textContent = found.length + (found.length === 1 ? " result" : " results") + " for \\u201c" + q + "\\u201d";
    found.slice(0, 100).forEach(function (hit) {
      var item = element("li", "py-5");
      item.appendChild(element("p", "text-xs font-semibold uppercase tracking-wide text-muted", hit.type));
      var title = element("h3", "mt-1 font-serif text-xl leading-snug");
      var link = element("a", "text-ink no-underline hover:underline", hit.label);
      link.href = "../" + hit.path;
      title.appendChild(link);
      item.appendChild(title);
      if (hit.also) item.appendChild(element("p", "mt-0.5 text-sm text-muted", "Also: " + hit.also));
      if (hit.snippet) item.appendChild(element("p", "mt-1 text-sm leading-relaxed", hit.snippet));
      results.appendChild(item);
    });
  }

  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  show(q);
})();
`;
