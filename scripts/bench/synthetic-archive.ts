/**
 * A synthetic archive of laws for the benchmarks: realistic shapes (a few dozen jurisdictions with
 * a skewed share each, 1–3 titles in Latin and Cyrillic script, 0–2 registry numbers, statuses and
 * types spread, changes spread over years), generated from a fixed seed and inserted in bulk
 * (`unnest` of arrays, 5,000 rows a statement), so 100,000 laws load in seconds.
 *
 * The words the benchmark filters by are planted with known frequencies: see `probe`.
 */
import type pg from "pg";
import { lawStatuses, lawTypes, type LawStatus, type LawType } from "@/db/schema/vocabulary";
import { foldForSearch, slugify } from "@/lib/text";

/** The words the text-filter cases search for, and roughly how many laws carry them. */
export const probe = {
  /** In the English title of every "amendments" law: about a third of all laws have one. */
  manyLatin: "amendments",
  /** The Russian counterpart, in Cyrillic titles. */
  manyCyrillic: "изменений",
  /** A rare topic: about 3 in 10,000 laws. */
  few: "beekeeping",
  /** In no title and no identifier. */
  none: "quokka",
} as const;

export type Lang = "en" | "ru" | "ky" | "kk" | "uz" | "tg" | "uk";
export type Script = "en" | "ru" | "uz";

// Code, name, kind, share of the archive (weights), the language of its preferred titles.
export const jurisdictionTable: [string, string, "country" | "historical", number, Lang][] = [
  ["KG", "Kyrgyzstan", "country", 14, "ky"],
  ["KZ", "Kazakhstan", "country", 14, "kk"],
  ["UZ", "Uzbekistan", "country", 12, "uz"],
  ["RU", "Russia", "country", 10, "ru"],
  ["TJ", "Tajikistan", "country", 6, "tg"],
  ["UA", "Ukraine", "country", 6, "uk"],
  ["BY", "Belarus", "country", 5, "ru"],
  ["TM", "Turkmenistan", "country", 4, "en"],
  ["AZ", "Azerbaijan", "country", 4, "en"],
  ["AM", "Armenia", "country", 4, "en"],
  ["GE", "Georgia", "country", 4, "en"],
  ["SU", "Soviet Union (USSR)", "historical", 4, "ru"],
  ["MD", "Moldova", "country", 3, "en"],
  ["RSFSR", "Russian Soviet Federative Socialist Republic", "historical", 2, "ru"],
  ["MN", "Mongolia", "country", 2, "en"],
  ["KGSSR", "Kirghiz SSR", "historical", 1, "ru"],
  ["KZSSR", "Kazakh SSR", "historical", 1, "ru"],
  ["UZSSR", "Uzbek SSR", "historical", 1, "ru"],
  ["EE", "Estonia", "country", 0.3, "en"],
  ["LV", "Latvia", "country", 1, "en"],
  ["LT", "Lithuania", "country", 1, "en"],
  ["PL", "Poland", "country", 1, "en"],
  ["DE", "Germany", "country", 1, "en"],
  ["FR", "France", "country", 1, "en"],
  ["GB", "United Kingdom", "country", 1, "en"],
  ["US", "United States", "country", 1, "en"],
  ["TR", "Türkiye", "country", 1, "en"],
  ["CN", "China", "country", 1, "en"],
  ["IR", "Iran", "country", 0.5, "en"],
  ["AF", "Afghanistan", "country", 0.5, "en"],
  ["PK", "Pakistan", "country", 0.5, "en"],
  ["IN", "India", "country", 0.5, "en"],
  ["CZ", "Czechia", "country", 0.5, "en"],
  ["FI", "Finland", "country", 0.5, "en"],
  // A code with no laws at all: a facet that matches nothing.
  ["VA", "Holy See", "country", 0, "en"],
];

export const scriptOf: Record<Lang, Script> = { en: "en", ru: "ru", ky: "ru", kk: "ru", tg: "ru", uk: "ru", uz: "uz" };

// Topics in three scripts: English (Latin), Russian (Cyrillic, prepositional case), Uzbek (Latin).
export const topicTable: [number, string, string, string][] = [
  [
    1,
    "the rehabilitation of victims of political repression",
    "реабилитации жертв политических репрессий",
    "siyosiy qatag‘on qurbonlarini reabilitatsiya qilish",
  ],
  [3, "taxes and fees", "налогах и сборах", "soliqlar va yig‘imlar"],
  [3, "education", "образовании", "ta’lim"],
  [3, "the protection of public health", "охране здоровья граждан", "fuqarolar sog‘lig‘ini saqlash"],
  [2, "mass media", "средствах массовой информации", "ommaviy axborot vositalari"],
  [2, "non-commercial organizations", "некоммерческих организациях", "nodavlat notijorat tashkilotlari"],
  [2, "elections of the president", "выборах президента", "prezident saylovi"],
  [4, "the republican budget", "республиканском бюджете", "davlat byudjeti"],
  [
    1,
    "freedom of conscience and religious organizations",
    "свободе вероисповедания и религиозных организациях",
    "vijdon erkinligi va diniy tashkilotlar",
  ],
  [1, "peaceful assemblies", "мирных собраниях", "tinch yig‘ilishlar"],
  [1, "access to information", "доступе к информации", "axborotdan foydalanish"],
  [1, "the state language", "государственном языке", "davlat tili"],
  [2, "citizenship", "гражданстве", "fuqarolik"],
  [2, "land relations", "земельных отношениях", "yer munosabatlari"],
  [2, "subsoil use", "недропользовании", "yer qa’ridan foydalanish"],
  [1, "countering extremist activity", "противодействии экстремистской деятельности", "ekstremizmga qarshi kurashish"],
  [2, "the prosecutor's office", "прокуратуре", "prokuratura"],
  [3, "the judicial system", "судебной системе", "sud tizimi"],
  [1, "amnesty", "амнистии", "amnistiya"],
  [2, "state pensions", "государственном пенсионном обеспечении", "davlat pensiya ta’minoti"],
  [3, "labour relations", "трудовых отношениях", "mehnat munosabatlari"],
  [2, "local self-government", "местном самоуправлении", "mahalliy o‘zini o‘zi boshqarish"],
  [2, "the civil service", "государственной гражданской службе", "davlat fuqarolik xizmati"],
  [2, "customs regulation", "таможенном регулировании", "bojxona tartibga solish"],
  [2, "banks and banking", "банках и банковской деятельности", "banklar va bank faoliyati"],
  [1, "archives", "архивном деле", "arxiv ishi"],
  [1, "national security", "национальной безопасности", "milliy xavfsizlik"],
  [2, "environmental protection", "охране окружающей среды", "atrof-muhitni muhofaza qilish"],
  [1, "migration", "внешней миграции", "tashqi migratsiya"],
  [1, "refugees", "беженцах", "qochqinlar"],
  [2, "licensing", "лицензионно-разрешительной системе", "litsenziyalash"],
  [1, "the status of judges", "статусе судей", "sudyalarning maqomi"],
  [1, "advocacy", "адвокатуре и адвокатской деятельности", "advokatura"],
  [1, "the ombudsman", "Омбудсмене", "ombudsman"],
  [2, "public procurement", "государственных закупках", "davlat xaridlari"],
  [1, "physical culture and sport", "физической культуре и спорте", "jismoniy tarbiya va sport"],
  [1, "culture", "культуре", "madaniyat"],
  [1, "water", "воде и водных объектах", "suv va suvdan foydalanish"],
  [1, "forests", "лесах", "o‘rmonlar"],
  [0.0003 * 60, "beekeeping", "пчеловодстве", "asalarichilik"],
];

const months = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  ru: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
  uz: ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentyabr", "oktyabr", "noyabr", "dekabr"],
};

export const sentences = [
  "Sets out who is entitled to the measure and how an application is examined.",
  "Amends the procedure after the Constitutional Court's decision on the matter.",
  "Replaces the Soviet-era act on the same subject and repeals its implementing regulations.",
  "Creates a state commission and gives it a year to report to parliament.",
  "Introduces **administrative liability** for a breach of the registration rules.",
  "Transfers the function from the ministry to a new agency.",
  "Was returned by the president with objections and adopted again in a new wording.",
  "Establishes a register, kept by the Ministry of Justice, and opens it to the public.",
  "Criticised by civil-society groups for its vague definitions; see the commentary linked below.",
  "Provides compensation, payable within six months of the decision.",
];

export const registries = [
  "Ministry of Justice register",
  "Official gazette",
  "Parliament's register",
  "CIS legislation database",
];

/** A small deterministic PRNG (mulberry32), so every run builds the same archive. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const weighted = <T>(list: readonly (readonly [number, T])[]) => {
    const total = list.reduce((sum, [w]) => sum + w, 0);
    let r = next() * total;
    for (const [w, value] of list) {
      r -= w;
      if (r < 0) return value;
    }
    return list.at(-1)![1];
  };
  return { next, int, pick, weighted };
}

export type Shape = "plain" | "amendments" | "dated";

export function title(
  script: Script,
  type: LawType,
  shape: Shape,
  topic: (typeof topicTable)[number],
  date: Date,
): string {
  const [, en, ru, uz] = topic;
  const d = date.getUTCDate();
  const m = date.getUTCMonth();
  const y = date.getUTCFullYear();
  if (script === "en") {
    const kind = {
      law: "Law",
      decree: "Decree",
      code: "Code",
      resolution: "Resolution",
      bill: "Draft law",
      other: "Regulation",
    }[type];
    if (shape === "amendments") return `On amendments to certain legislative acts on ${en}`;
    if (shape === "dated") return `${kind} of ${d} ${months.en[m]} ${y} on ${en}`;
    return type === "law" ? `On ${en}` : `${kind} on ${en}`;
  }
  if (script === "ru") {
    const kind = {
      law: "Закон",
      decree: "Указ",
      code: "Кодекс",
      resolution: "Постановление",
      bill: "Проект закона",
      other: "Положение",
    }[type];
    if (shape === "amendments") return `О внесении изменений в некоторые законодательные акты о ${ru}`;
    if (shape === "dated") return `${kind} от ${d} ${months.ru[m]} ${y} года о ${ru}`;
    return type === "law" ? `О ${ru}` : `${kind} о ${ru}`;
  }
  const kind = {
    law: "qonun",
    decree: "farmon",
    code: "kodeks",
    resolution: "qaror",
    bill: "qonun loyihasi",
    other: "nizom",
  }[type];
  if (shape === "amendments") return `${uz} to‘g‘risidagi ayrim qonun hujjatlariga o‘zgartishlar kiritish haqida`;
  if (shape === "dated") return `${y}-yil ${d}-${months.uz[m]}dagi ${uz} to‘g‘risidagi ${kind}`;
  return `${uz} to‘g‘risida${type === "law" ? "" : ` ${kind}`}`;
}

// Timestamps with microseconds, as PostgreSQL keeps them (the cursor must survive them).
function isoMicro(ms: number, micros: number): string {
  return new Date(ms).toISOString().replace("Z", `${String(micros).padStart(3, "0")}Z`);
}

const FROM = Date.UTC(2012, 0, 1);
const TO = Date.UTC(2026, 5, 1);

export type SeedResult = {
  timings: { insert: number; indexes: number; vacuum: number };
  laws: number;
  jurisdictions: number;
  titles: number;
  identifiers: number;
  sampleIdentifier: string;
};

/** Inserts the jurisdictions and `count` laws with their titles and identifiers, then VACUUM ANALYZEs. */
export async function seedSyntheticArchive(
  pool: pg.Pool,
  options: { count: number; createdById: number; seed?: number; batch?: number },
): Promise<SeedResult> {
  const rng = prng(options.seed ?? 20_240_601);
  const batch = options.batch ?? 5_000;
  const client = await pool.connect();
  try {
    await client.query(
      `insert into jurisdictions (code, name, kind) select * from unnest($1::text[], $2::text[], $3::jurisdiction_kind[])
       on conflict do nothing`,
      [jurisdictionTable.map((j) => j[0]), jurisdictionTable.map((j) => j[1]), jurisdictionTable.map((j) => j[2])],
    );
    const jurisdictionWeights = jurisdictionTable.filter((j) => j[3] > 0).map((j) => [j[3], j] as const);
    const topicWeights = topicTable.map((t) => [t[0], t] as const);
    const statusWeights: [number, LawStatus][] = [
      [10, "bill"],
      [10, "adopted"],
      [45, "in_force"],
      [20, "amended"],
      [15, "repealed"],
    ];
    const typeWeights: [number, LawType][] = [
      [50, "law"],
      [20, "decree"],
      [5, "code"],
      [15, "resolution"],
      [5, "bill"],
      [5, "other"],
    ];
    const shapeWeights: [number, Shape][] = [
      [35, "amendments"],
      [35, "dated"],
      [30, "plain"],
    ];
    if (!lawStatuses.every((s) => statusWeights.some((w) => w[1] === s))) throw new Error("status list changed");
    if (!lawTypes.every((t) => typeWeights.some((w) => w[1] === t))) throw new Error("type list changed");

    let titleCount = 0;
    let identifierCount = 0;
    let sampleIdentifier = "";
    const timings = { insert: 0, indexes: 0, vacuum: 0 };
    let t0 = Date.now();
    await client.query("begin");
    // Trigram indexes are built once after the load rather than maintained row by row (several times
    // faster), then recreated from their own stored definitions: the schema ends exactly as migrated.
    const { rows: deferred } = await client.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes
       where schemaname = current_schema() and tablename in ('laws', 'law_titles', 'law_identifiers')
         and indexdef like '%gin_trgm_ops%'`,
    );
    for (const index of deferred) await client.query(`drop index "${index.name}"`);
    for (let start = 1; start <= options.count; start += batch) {
      const end = Math.min(options.count, start + batch - 1);
      const law = {
        id: [] as number[],
        slug: [] as string[],
        jurisdiction: [] as string[],
        type: [] as string[],
        title: [] as string[],
        searchText: [] as string[],
        summary: [] as string[],
        status: [] as string[],
        published: [] as boolean[],
        createdAt: [] as string[],
        updatedAt: [] as string[],
      };
      const titles = { lawId: [] as number[], lang: [] as string[], title: [] as string[], preferred: [] as boolean[] };
      const ids = { lawId: [] as number[], registry: [] as string[], value: [] as string[] };
      for (let id = start; id <= end; id++) {
        const [code, , , , localLang] = rng.weighted(jurisdictionWeights);
        const type = rng.weighted(typeWeights);
        const status = type === "bill" ? "bill" : rng.weighted(statusWeights);
        const shape = rng.weighted(shapeWeights);
        const topic = rng.weighted(topicWeights);
        const updatedMs = FROM + Math.floor(rng.next() * (TO - FROM));
        const createdMs = Math.max(
          FROM - 2 * 365 * 86_400_000,
          updatedMs - Math.floor(rng.next() * 3 * 365 * 86_400_000),
        );
        const adopted = new Date(createdMs - Math.floor(rng.next() * 20 * 365 * 86_400_000));

        // The preferred title in the jurisdiction's language, then Russian and English versions.
        const langs: Lang[] = [localLang];
        const extra = rng.weighted([
          [40, 0],
          [40, 1],
          [20, 2],
        ] as const);
        for (const lang of ["ru", "en", "uz"] as const) {
          if (langs.length > extra) break;
          if (!langs.includes(lang) && (lang !== "uz" || code === "UZ")) langs.push(lang);
        }
        const lawTitles = langs.map((lang) => title(scriptOf[lang], type, shape, topic, adopted));
        lawTitles.forEach((t, i) => {
          titles.lawId.push(id);
          titles.lang.push(langs[i]!);
          titles.title.push(t);
          titles.preferred.push(i === 0);
        });
        titleCount += lawTitles.length;

        const identifierTotal = rng.weighted([
          [30, 0],
          [50, 1],
          [20, 2],
        ] as const);
        const identifierValues: string[] = [];
        for (let i = 0; i < identifierTotal; i++) {
          const value =
            i === 0
              ? `№ ${rng.int(1, 999)}-${["I", "II", "III", "IV", "V", "VI", "VII"][rng.int(0, 6)]}`
              : `${code}-${adopted.getUTCFullYear()}-${String(id).padStart(6, "0")}`;
          ids.lawId.push(id);
          ids.registry.push(registries[i === 0 ? rng.int(0, 1) : rng.int(2, 3)]!);
          ids.value.push(value);
          identifierValues.push(value);
          if (i === 1 && !sampleIdentifier && id > options.count / 2) sampleIdentifier = value;
        }
        identifierCount += identifierTotal;

        const summaryLength = rng.weighted([
          [40, 0],
          [30, 1],
          [20, 2],
          [10, 4],
        ] as const);
        law.id.push(id);
        law.slug.push(`${slugify(lawTitles[0]!, 60)}-${id}`);
        law.jurisdiction.push(code);
        law.type.push(type);
        law.title.push(lawTitles[0]!);
        // What modules/laws/save.ts stores for the editors' text filter.
        law.searchText.push(foldForSearch([...lawTitles, ...identifierValues].join(" ")));
        law.summary.push(Array.from({ length: summaryLength }, () => rng.pick(sentences)).join(" "));
        law.status.push(status);
        law.published.push(rng.next() < 0.65);
        law.createdAt.push(isoMicro(createdMs, rng.int(0, 999)));
        law.updatedAt.push(isoMicro(updatedMs, rng.int(0, 999)));
      }
      await client.query(
        `insert into laws (id, slug, jurisdiction_code, type, title, summary, status, created_by_id, created_at, updated_at, search_text)
         overriding system value
         select id, slug, code, type, title, summary, status, $10, created_at, updated_at, search_text
         from unnest($1::int[], $2::text[], $3::text[], $4::law_type[], $5::text[], $6::text[], $7::law_status[],
                     $8::timestamptz[], $9::timestamptz[], $11::text[])
              as t(id, slug, code, type, title, summary, status, created_at, updated_at, search_text)`,
        [
          law.id,
          law.slug,
          law.jurisdiction,
          law.type,
          law.title,
          law.summary,
          law.status,
          law.createdAt,
          law.updatedAt,
          options.createdById,
          law.searchText,
        ],
      );
      // One revision each (core fields only: enough for lists and the public page), and the
      // workflow state; about two in three published.
      await client.query(
        `insert into revisions (item_type, item_id, number, snapshot, hash, author_id)
         select 'law', l.id, 1, s.snapshot, encode(sha256(convert_to(s.snapshot::text, 'UTF8')), 'hex'), $3
         from laws l
         cross join lateral (select jsonb_build_object('slug', l.slug, 'jurisdictionCode', l.jurisdiction_code,
           'type', l.type, 'status', l.status, 'title', l.title, 'summary', l.summary, 'titles', '[]'::jsonb,
           'identifiers', '[]'::jsonb, 'periods', '[]'::jsonb, 'topics', '[]'::jsonb, 'sources', '[]'::jsonb,
           'events', '[]'::jsonb, 'texts', '[]'::jsonb, 'relations', '[]'::jsonb) as snapshot) s
         where l.id between $1 and $2`,
        [start, end, options.createdById],
      );
      await client.query(
        `insert into editorial_items (item_type, item_id, review, visibility, working_revision_id, live_revision_id, changed_at)
         select 'law', r.item_id, case when p then 'published' else 'draft' end::review_state,
                case when p then 'live' else 'unpublished' end::visibility, r.id, case when p then r.id end, l.updated_at
         from unnest($1::int[], $2::boolean[]) as t(id, p)
         join revisions r on r.item_type = 'law' and r.item_id = t.id and r.number = 1
         join laws l on l.id = t.id`,
        [law.id, law.published],
      );
      await client.query(
        `insert into publications (item_type, item_id, revision_id, scope, slug, title, first_published_at, published_at)
         select 'law', e.item_id, e.live_revision_id, l.jurisdiction_code, l.slug, l.title, l.updated_at, l.updated_at
         from editorial_items e join laws l on l.id = e.item_id
         where e.item_type = 'law' and e.live_revision_id is not null and e.item_id between $1 and $2`,
        [start, end],
      );
      await client.query(
        `insert into law_titles (law_id, lang, title, preferred)
         select * from unnest($1::int[], $2::text[], $3::text[], $4::boolean[])`,
        [titles.lawId, titles.lang, titles.title, titles.preferred],
      );
      await client.query(
        `insert into law_identifiers (law_id, registry, value) select * from unnest($1::int[], $2::text[], $3::text[])`,
        [ids.lawId, ids.registry, ids.value],
      );
    }
    // The next law an editor creates gets the next id, as it would in a real archive.
    await client.query(`select setval(pg_get_serial_sequence('laws', 'id'), (select max(id) from laws))`);
    timings.insert = Date.now() - t0;
    t0 = Date.now();
    await client.query("set local maintenance_work_mem = '256MB'");
    for (const index of deferred) await client.query(index.definition);
    await client.query("commit");
    timings.indexes = Date.now() - t0;
    t0 = Date.now();
    // A long-lived archive has been vacuumed (visibility map set) and analyzed by autovacuum.
    await client.query("vacuum analyze");
    timings.vacuum = Date.now() - t0;
    return {
      timings,
      laws: options.count,
      jurisdictions: jurisdictionTable.length,
      titles: titleCount,
      identifiers: identifierCount,
      sampleIdentifier,
    };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The jurisdiction codes the facet cases use: the largest, a small one, and one with no laws. */
export const facetJurisdictions = { large: "KG", small: "EE", empty: "VA" } as const;
