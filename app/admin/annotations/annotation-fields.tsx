"use client";

import { useId } from "react";
import { EntityPicker, type PickerOption } from "@/components/admin/entity-picker";
import { SelectField, TextAreaField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { annotationKindOptions, audienceLabels, type AnnotationKind } from "@/modules/annotations/labels";
import type { AnnotationDetail, AnnotationLink } from "@/modules/annotations/read";
import { searchAgentsAction } from "../agents/actions";
import { errorsAt } from "../articles/link-pickers";
import { searchLawsAction } from "../articles/actions";
import { createSourceInlineAction, searchSourcesAction } from "../sources/actions";
import { searchArticlesAction, searchPassagesAction } from "./actions";

type AnnotationAudience = AnnotationDetail["audience"];

/** What the fields start with: an annotation's saved values, or nothing for a new one. */
export type AnnotationFieldValues = {
  kind: AnnotationKind;
  audience: AnnotationAudience;
  body: string;
  links: AnnotationLink[];
  sources: { id: number; title: string }[];
};

type LinkType = AnnotationLink["type"];

/** A picker's search, with each option's value naming its type ("law:12") as the links field wants. */
function typed(type: LinkType, search: (q: string) => Promise<PickerOption[]>) {
  return async (q: string) => (await search(q)).map((o) => ({ ...o, value: `${type}:${o.value}` }));
}

// Defined once: the picker searches again whenever its search function changes.
const searches: Record<LinkType, (q: string) => Promise<PickerOption[]>> = {
  law: typed("law", searchLawsAction),
  article: typed("article", searchArticlesAction),
  agent: typed("agent", searchAgentsAction),
  annotation: typed("annotation", searchPassagesAction),
};

const linkPickers: { type: LinkType; label: string }[] = [
  { type: "law", label: "Linked laws" },
  { type: "article", label: "Linked articles" },
  { type: "agent", label: "Linked agents" },
  // A cross-reference from a law's provision to the passage of an article that discusses it.
  { type: "annotation", label: "Linked passages (annotated elsewhere)" },
];

const audiences: AnnotationAudience[] = ["public", "internal"];

/** The fields every annotation form shares: kind, note, audience, links and sources. */
export function AnnotationFields({ initial, errors }: { initial?: AnnotationFieldValues; errors: FieldErrors }) {
  const id = useId();
  const audienceErrors = errorsAt(errors, "audience");
  const linkErrors = errorsAt(errors, "links");
  return (
    <div className="space-y-4">
      <SelectField
        label="Kind"
        name="kind"
        options={annotationKindOptions}
        defaultValue={initial?.kind ?? "note"}
        errors={errorsAt(errors, "kind")}
        className="max-w-xs"
      />
      <TextAreaField
        label="Annotation"
        name="body"
        hint="Markdown. Say what the passage means, what it refers to or what is wrong with it, with sources."
        rows={6}
        defaultValue={initial?.body}
        errors={errorsAt(errors, "body")}
      />
      <fieldset aria-describedby={audienceErrors ? `${id}-audience-error` : undefined}>
        <legend className="text-sm font-semibold text-ink">Who may read it</legend>
        <div className="mt-1 space-y-1">
          {audiences.map((audience) => (
            <label key={audience} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="audience"
                value={audience}
                defaultChecked={(initial?.audience ?? "public") === audience}
                className="mt-1 size-4"
              />
              <span>{audienceLabels[audience]}</span>
            </label>
          ))}
        </div>
        {audienceErrors && (
          <p id={`${id}-audience-error`} className="mt-1 text-sm font-medium text-danger">
            {audienceErrors.join(" ")}
          </p>
        )}
      </fieldset>
      <fieldset className="@container space-y-3 rounded-lg border border-rule bg-surface p-4">
        <legend className="px-1 text-sm font-semibold">Links (optional)</legend>
        {/* Side by side where there is room (the annotation's page), stacked beside the text. */}
        <div className="grid gap-4 @xl:grid-cols-2">
          {linkPickers.map(({ type, label }) => (
            <EntityPicker
              key={type}
              label={label}
              name="links"
              multiple
              initial={initial?.links
                .filter((l) => l.type === type)
                .map((l) => ({ value: `${l.type}:${l.id}`, label: l.title }))}
              search={searches[type]}
            />
          ))}
        </div>
        {linkErrors && <p className="text-sm font-medium text-danger">{linkErrors.join(" ")}</p>}
      </fieldset>
      <EntityPicker
        label="Sources"
        name="sourceIds"
        multiple
        hint="Where what the annotation says can be checked."
        initial={initial?.sources.map((s) => ({ value: String(s.id), label: s.title }))}
        search={searchSourcesAction}
        create={createSourceInlineAction}
        errors={errorsAt(errors, "sourceIds")}
      />
    </div>
  );
}
