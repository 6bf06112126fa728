/**
 * Cross-site scripting payloads, kept as a list to grow: each one, if it ever ran, would call
 * `__xss(n)` (or alert), which the hostile-input suite records, so a hit names its payload.
 * `$` is replaced by the payload's number. Sources: the OWASP XSS filter evasion cheat sheet,
 * PortSwigger's XSS cheat sheet, and the places this app renders text (Markdown, JSON-LD,
 * attributes, URLs).
 */
const templates: string[] = [
  // Classic script tags
  "<script>__xss($)</script>",
  "<SCRIPT>__xss($)</SCRIPT>",
  "<script src=data:text/javascript,__xss($)></script>",
  "<scr<script>ipt>__xss($)</scr</script>ipt>",
  "<script\n>__xss($)</script\n>",
  "<<script>__xss($);//<</script>",
  // Event handlers
  "<img src=x onerror=__xss($)>",
  '<img src="x" onerror="__xss($)">',
  "<img/src=x/onerror=__xss($)>",
  "<body onload=__xss($)>",
  "<svg onload=__xss($)>",
  "<svg/onload=__xss($)//",
  "<input autofocus onfocus=__xss($)>",
  "<details open ontoggle=__xss($)>",
  "<video><source onerror=__xss($)></video>",
  "<audio src=x onerror=__xss($)>",
  "<marquee onstart=__xss($)>",
  "<div onmouseover=__xss($) style=position:fixed;inset:0>",
  "<select autofocus onfocus=__xss($)>",
  "<textarea autofocus onfocus=__xss($)>",
  "<iframe onload=__xss($)></iframe>",
  "<object data=x onerror=__xss($)>",
  // Breaking out of attributes and quotes
  '" onmouseover="__xss($)" x="',
  "' onmouseover='__xss($)' x='",
  '"><img src=x onerror=__xss($)>',
  "'><img src=x onerror=__xss($)>",
  '"><script>__xss($)</script>',
  "`><img src=x onerror=__xss($)>",
  '" autofocus onfocus="__xss($)',
  // JSON-LD and other script contexts
  "</script><script>__xss($)</script>",
  "</SCRIPT><img src=x onerror=__xss($)>",
  '"}</script><script>__xss($)</script>',
  "<!--</script><script>__xss($)</script>-->",
  "\\u003c/script\\u003e\\u003cscript\\u003e__xss($)\\u003c/script\\u003e",
  // URLs: javascript:, data:, vbscript:, in Markdown and in HTML
  "[click me $](javascript:__xss($))",
  "[click me $](JaVaScRiPt:__xss($))",
  "[click me $](  javascript:__xss($))",
  "[click me $](java\tscript:__xss($))",
  "[click me $](&#106;avascript:__xss($))",
  "[click me $](data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+)",
  "[click me $](vbscript:msgbox($))",
  "![image $](javascript:__xss($))",
  '![image $](x" onerror="__xss($))',
  "<javascript:__xss($)>",
  "[ref $][r$]\n\n[r$]: javascript:__xss($)",
  '<a href="javascript:__xss($)">link $</a>',
  '<a href="&#x6A;avascript:__xss($)">link $</a>',
  '<a href="jav&#x09;ascript:__xss($)">link $</a>',
  '<iframe src="javascript:__xss($)"></iframe>',
  '<iframe srcdoc="<script>parent.__xss($)</script>"></iframe>',
  '<object data="data:text/html,<script>__xss($)</script>"></object>',
  '<embed src="data:text/html,<script>__xss($)</script>">',
  '<form action="javascript:__xss($)"><button>go $</button></form>',
  '<math><a xlink:href="javascript:__xss($)">m $</a></math>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss($)">',
  '<base href="javascript:__xss($)//">',
  // SVG
  "<svg><script>__xss($)</script></svg>",
  '<svg><a href="javascript:__xss($)"><text y="20">s $</text></a></svg>',
  "<svg><animate onbegin=__xss($) attributeName=x dur=1s>",
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror=__xss($) /></svg>#x" />',
  // Entity and encoding tricks
  "&lt;script&gt;__xss($)&lt;/script&gt;",
  "&#60;script&#62;__xss($)&#60;/script&#62;",
  "%3Cscript%3E__xss($)%3C/script%3E",
  "<img src=x onerror=&#95;&#95;xss($)>",
  // Markdown and HTML mixed
  "**bold <img src=x onerror=__xss($)>**",
  "`<script>__xss($)</script>`",
  "```\n</code><script>__xss($)</script>\n```",
  "> <img src=x onerror=__xss($)>",
  "<div>**<script>__xss($)</script>**</div>",
  "<style>*{background:url(javascript:__xss($))}</style>",
  '<p style="background:url(javascript:__xss($))">styled $</p>',
  // Templates and frameworks
  "{{constructor.constructor('__xss($)')()}}",
  "${__xss($)}",
  // Look-alikes and direction tricks (must show as text, unchanged)
  "Жапаров <scrіpt>__xss($)</scrіpt>",
  "\u202egnp.exe<img src=x onerror=__xss($)>",
  "ｓｃｒｉｐｔ＜script＞__xss($)＜/script＞",
];

export type Payload = { n: number; text: string };

export const xssPayloads: Payload[] = templates.map((template, i) => ({
  n: i + 1,
  text: template.replaceAll("$", String(i + 1)),
}));

/** Web addresses that pass the archive's URL check yet try to break out of the attribute they land in. */
export const urlPayloads: Payload[] = [
  'https://example.org/"><script>__xss(901)</script>',
  "https://example.org/'><img src=x onerror=__xss(902)>",
  'https://example.org/" onmouseover="__xss(903)',
  "https://example.org/?q=</script><script>__xss(904)</script>",
  "https://example.org/#javascript:__xss(905)",
].map((text, i) => ({ n: 901 + i, text }));

/** URL values that must be refused outright: nothing but http(s) reaches a link. */
export const refusedUrls = [
  "javascript:__xss(1)",
  "JAVASCRIPT:__xss(1)",
  " javascript:__xss(1)",
  "data:text/html,<script>__xss(1)</script>",
  "vbscript:msgbox(1)",
  "java\nscript:__xss(1)",
];
