/**
 * The mirror's search page: the site's own search page (its header, footer and styles) with the
 * results drawn in the browser by `search/search.js` from the index in `search/index-data.js`.
 * The words come from `?q=`, as on the site, so the header's search form works unchanged.
 */
const main = /(<main\b[^>]*>)[\s\S]*?(<\/main>)/;

export const searchScripts = ["index-data.js", "search.js"];

export function mirrorSearchPage(siteSearchPage: string): string {
  if (!main.test(siteSearchPage)) throw new Error("The site's search page has no <main> element");
  const body = `<div class="space-y-8"><header class="max-w-2xl space-y-4"><h1 class="font-serif text-4xl leading-tight">Search</h1><form role="search" class="flex max-w-xl gap-2" action="index.html" method="get"><label for="search-q" class="sr-only">Search the archive</label><input id="search-q" type="search" maxLength="200" placeholder="Laws, articles, people and organizations" class="min-w-0 flex-1 rounded border border-control bg-paper px-3 py-2 text-ink placeholder:text-muted" name="q" value=""/><button type="submit" class="inline-flex items-center justify-center gap-2 text-sm font-semibold rounded px-4 py-2 bg-accent text-on-accent hover:bg-accent-dark border border-accent ">Search</button></form><p class="text-sm text-muted">This is a copy of the archive: its search runs in your browser. Names and titles are found in any script and spelling: &#1046;&#1072;&#1087;&#1072;&#1088;&#1086;&#1074;, Japarov and Zhaparov find the same person.</p></header><section aria-labelledby="results-heading" class="space-y-4"><h2 id="results-heading" class="border-b border-ink pb-2 text-xs font-bold uppercase tracking-widest">Type a word or a name to search the archive.</h2><ol id="search-results" class="divide-y divide-rule"></ol></section><noscript><p class="text-muted">Searching this copy of the archive needs JavaScript.</p></noscript></div>`;
  const scripts = searchScripts.map((file) => `<script src="${file}"></script>`).join("");
  return siteSearchPage
    .replace(main, (_, open: string, close: string) => `${open}${body}${close}`)
    .replace("</body>", `${scripts}</body>`);
}

/**
 * What the page does with the index (search-index.ts), as plain JavaScript that the page's script
 * includes and tests run: `fold` spells what the reader types as the index spells its words;
 * `rank` takes the folded words and the word files loaded, and gives every item that has each word
 * (as a whole word, or as the start of one: half the score) with its score, best first.
 */
export const searchCore = `
function fold(text, table) {
  var spaced = text.normalize("NFC").replace(/[^\\p{L}\\p{N}\\p{M}]+/gu, " ");
  var out = "";
  for (var letter of spaced) out += Object.prototype.hasOwnProperty.call(table, letter) ? table[letter] : letter;
  return out.normalize("NFD").replace(/\\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

function rank(words, files) {
  var found = null;
  words.forEach(function (word) {
    var terms = files[word.slice(0, 2)] || {};
    var scores = new Map();
    Object.keys(terms).forEach(function (term) {
      var share = term === word ? 1 : word.length > 1 && term.indexOf(word) === 0 ? 0.5 : 0;
      if (!share) return;
      var items = terms[term];
      for (var i = 0; i < items.length; i += 2) scores.set(items[i], (scores.get(items[i]) || 0) + items[i + 1] * share);
    });
    if (found === null) found = scores;
    else {
      var both = new Map();
      found.forEach(function (score, item) {
        if (scores.has(item)) both.set(item, score + scores.get(item));
      });
      found = both;
    }
  });
  return Array.from(found || []).sort(function (a, b) {
    return b[1] - a[1] || a[0] - b[0];
  });
}
`;

/** The page's script: vanilla, no build step; every text is set with textContent. */
export const searchScript = `(function () {
  "use strict";
  var data = window.MarginaliaSearch;
  var input = document.getElementById("search-q");
  var heading = document.getElementById("results-heading");
  var results = document.getElementById("search-results");
  if (!data || !input || !heading || !results) return;
${searchCore}
  // The index's files hand their parts here as they load (search-index.ts).
  var terms = {};
  var documents = {};
  data.addTerms = function (key, part) {
    terms[key] = part;
  };
  data.addDocuments = function (n, part) {
    documents[n] = part;
  };
  var loading = {};
  function load(file) {
    if (!loading[file])
      loading[file] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = file;
        script.onload = script.onerror = function () {
          resolve();
        };
        document.body.appendChild(script);
      });
    return loading[file];
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(q) {
    results.textContent = "";
    var words = fold(q, data.fold).split(" ").filter(Boolean);
    if (words.length === 0) {
      heading.textContent = "Type a word or a name to search the archive.";
      return;
    }
    heading.textContent = "Searching\\u2026";
    var keys = words.map(function (word) {
      return word.slice(0, 2);
    });
    var files = keys.filter(function (key) {
      return data.terms.indexOf(key) >= 0;
    });
    Promise.all(
      files.map(function (key) {
        return load("terms/" + key + ".js");
      }),
    ).then(function () {
      var found = rank(words, terms);
      heading.textContent = found.length + (found.length === 1 ? " result" : " results") + " for \\u201c" + q + "\\u201d";
      showFrom(found, 0);
    });
  }

  // Results 20 at a time, each batch with the files of its titles and snippets; then a button for more.
  var batch = 20;
  function showFrom(found, start) {
    var shown = found.slice(start, start + batch);
    var parts = shown.map(function (hit) {
      return Math.floor(hit[0] / data.perFile);
    });
    return Promise.all(
      parts.map(function (n) {
        return load("docs/" + n + ".js");
      }),
    ).then(function () {
      shown.forEach(draw);
      if (start + batch >= found.length) return;
      var more = element("li", "py-5");
      var button = element("button", "rounded border border-control px-4 py-2 text-sm font-semibold", "More results");
      button.type = "button";
      button.addEventListener("click", function () {
        var next = results.children.length - 1;
        more.remove();
        showFrom(found, start + batch).then(function () {
          var link = results.children[next] && results.children[next].querySelector("a");
          if (link) link.focus();
        });
      });
      more.appendChild(button);
      results.appendChild(more);
    });
  }

  function draw(hit) {
    var part = documents[Math.floor(hit[0] / data.perFile)];
    var doc = part && part[hit[0] % data.perFile];
    if (!doc) return;
    var item = element("li", "py-5");
    item.appendChild(element("p", "text-xs font-semibold uppercase tracking-wide text-muted", doc[0]));
    var title = element("h3", "mt-1 font-serif text-xl leading-snug");
    var link = element("a", "text-ink no-underline hover:underline", doc[1]);
    link.href = "../" + doc[2];
    title.appendChild(link);
    item.appendChild(title);
    if (doc[3]) item.appendChild(element("p", "mt-0.5 text-sm text-muted", "Also: " + doc[3]));
    if (doc[4]) item.appendChild(element("p", "mt-1 text-sm leading-relaxed", doc[4]));
    results.appendChild(item);
  }

  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  show(q);
})();
`;
