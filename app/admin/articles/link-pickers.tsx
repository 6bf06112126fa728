"use client";

import { EntityPicker, type PickerOption } from "@/components/admin/entity-picker";
import type { FieldErrors } from "@/lib/errors";
import type { ArticleDetail, Named } from "@/modules/articles/read";
import { createAgentInlineAction, searchAgentsAction } from "../agents/actions";
import { createSourceInlineAction, searchSourcesAction } from "../sources/actions";
import { createTopicInlineAction, searchTopicsAction } from "../topics/actions";
import { lawCreateFields } from "@/components/admin/law-create-fields";
import { createLawInlineAction } from "../laws/actions";
import { searchLawsAction } from "./actions";

const option = (n: Named): PickerOption => ({ value: String(n.id), label: n.name });

/** Errors at a list field and at any of its items ("authorIds.2"), shown together. */
export function errorsAt(errors: FieldErrors, name: string): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
  return found.length ? [...new Set(found)] : undefined;
}

/** Who wrote, published and reported the piece: agents, each creatable from what was typed. */
export function AttributionPickers({ article, errors }: { article?: ArticleDetail; errors: FieldErrors }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-rule bg-surface p-4">
      <legend className="px-1 text-sm font-semibold">Attribution</legend>
      <EntityPicker
        label="Authors"
        name="authorIds"
        multiple
        ordered
        hint="In byline order. Drag an author to move them, or use ↑ and ↓."
        initial={article?.authors.map(option)}
        search={searchAgentsAction}
        create={(name) => createAgentInlineAction(name, "person")}
        errors={errorsAt(errors, "authorIds")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <EntityPicker
          label="Publisher (optional)"
          name="publisherId"
          hint="The media office or outlet the piece was written for."
          initial={article?.publisher ? [option(article.publisher)] : []}
          search={searchAgentsAction}
          create={(name) => createAgentInlineAction(name, "media_outlet")}
          errors={errorsAt(errors, "publisherId")}
        />
        <EntityPicker
          label="Credited agency (optional)"
          name="creditedAgentId"
          hint="The agency the report credits, as in “reported by TRT”."
          initial={article?.creditedAgent ? [option(article.creditedAgent)] : []}
          search={searchAgentsAction}
          create={(name) => createAgentInlineAction(name, "media_outlet")}
          errors={errorsAt(errors, "creditedAgentId")}
        />
      </div>
    </fieldset>
  );
}

/** What the piece is about: the laws it discusses, its topics, and the sources we rely on. */
export function SubjectPickers({
  article,
  errors,
  canCreateTopics,
  jurisdictions,
}: {
  article?: ArticleDetail;
  errors: FieldErrors;
  canCreateTopics: boolean;
  jurisdictions: { code: string; name: string }[];
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <EntityPicker
        label="Laws discussed"
        name="lawIds"
        multiple
        initial={article?.laws.map((l) => ({ value: String(l.id), label: l.title, hint: l.jurisdictionCode }))}
        search={searchLawsAction}
        create={createLawInlineAction}
        createFields={lawCreateFields(jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` })))}
        errors={errorsAt(errors, "lawIds")}
      />
      <EntityPicker
        label="Topics"
        name="topicIds"
        multiple
        initial={article?.topics.map(option)}
        search={searchTopicsAction}
        create={canCreateTopics ? createTopicInlineAction : undefined}
        errors={errorsAt(errors, "topicIds")}
      />
      <EntityPicker
        label="Sources"
        name="sourceIds"
        multiple
        hint="Citations for the piece itself: where it was found, an archived copy."
        initial={article?.sources.map((s) => ({ value: String(s.id), label: s.title }))}
        search={searchSourcesAction}
        create={createSourceInlineAction}
        errors={errorsAt(errors, "sourceIds")}
      />
    </div>
  );
}
