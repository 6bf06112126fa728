import { Markdown } from "@/components/ui/markdown";
import type { Actor, Ctx } from "@/modules/auth/context";
import { roleHas } from "@/modules/auth/permissions";
import { annotationsOnText } from "@/modules/annotations/review";
import type { TargetRef } from "@/modules/annotations/target";
import { AnnotationWorkspace } from "./annotation-workspace";

/**
 * A law text or an article body as editors annotate it: its working version rendered as readers
 * will see it, and every annotation on it placed on that version (anchored, drifted or orphaned).
 */
export async function AnnotateText({
  ctx,
  target,
  markdown,
  textLabel,
}: {
  ctx: Ctx & { actor: Actor };
  target: TargetRef;
  markdown: string;
  textLabel: string;
}) {
  const { targetRevisionId, annotations } = await annotationsOnText(ctx, target);
  return (
    <AnnotationWorkspace
      target={target}
      targetRevision={targetRevisionId}
      annotations={annotations}
      canWrite={roleHas(ctx.actor.role, "content.write")}
      textLabel={textLabel}
    >
      <Markdown source={markdown} className="[&>:first-child]:mt-0" />
    </AnnotationWorkspace>
  );
}
