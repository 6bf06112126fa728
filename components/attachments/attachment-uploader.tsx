"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { attachFilesAction, type AttachFormState } from "@/app/admin/attachments/actions";
import { BaseRevisionInput } from "@/components/admin/base-revision";
import { submitWithoutReset } from "@/components/admin/submit-without-reset";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { attachmentRoles, type AttachmentRole } from "@/db/schema/vocabulary";
import { formatSize } from "@/lib/files/size";
import { attachmentRoleLabels } from "@/modules/attachments/labels";
import { acceptAttribute, acceptedMediaTypes, isAcceptedMediaType } from "@/lib/files/media-types";
import { uploadFile, type StoredFile } from "./upload-file";
import type { AttachmentOwner } from "@/modules/attachments/owner-column";

type Upload = {
  key: number;
  file: File;
  progress: number;
  stored?: StoredFile;
  error?: string;
};

// Files sent at the same time; the rest wait their turn.
const parallelUploads = 3;

const roleOptions = attachmentRoles.map((role) => ({ value: role, label: attachmentRoleLabels[role] }));

/**
 * Adds files to a law, an article or a source: chosen or dropped, several at once, each sent with its
 * progress shown and refused with its own message, then described (name, what it is, when it was
 * captured, whether readers see it) and attached together as one change of the item.
 */
export function AttachmentUploader({
  owner,
  texts = [],
  limitBytes,
}: {
  owner: AttachmentOwner;
  texts?: { id: number; label: string }[];
  limitBytes: number;
}) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const nextKey = useRef(0);
  const queue = useRef<Upload[]>([]);
  const running = useRef(0);
  const inputId = useId();
  const labelId = useId();
  const [state, dispatch, pending] = useActionState<AttachFormState, FormData>(async (previous, form) => {
    const result = await attachFilesAction(previous, form).catch((): AttachFormState => ({
      ok: false,
      code: "network",
      message: "The files could not be attached. Try again.",
    }));
    if (result?.ok) setUploads((list) => list.filter((u) => !u.stored));
    return result;
  }, null);

  useEffect(() => {
    // A file dropped beside the zone would otherwise replace the page with it.
    const ignore = (event: DragEvent) => event.preventDefault();
    window.addEventListener("dragover", ignore);
    window.addEventListener("drop", ignore);
    return () => {
      window.removeEventListener("dragover", ignore);
      window.removeEventListener("drop", ignore);
    };
  }, []);

  const update = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  function pump() {
    while (running.current < parallelUploads && queue.current.length) {
      const next = queue.current.shift()!;
      running.current += 1;
      uploadFile(next.file, (progress) => update(next.key, { progress }))
        .then((stored) => update(next.key, { stored, progress: 1 }))
        .catch((error: Error) => update(next.key, { error: error.message }))
        .finally(() => {
          running.current -= 1;
          pump();
        });
    }
  }

  function add(files: FileList | null) {
    const added = Array.from(files ?? []).map((file): Upload => {
      const key = nextKey.current++;
      if (file.size > limitBytes) {
        return {
          key,
          file,
          progress: 0,
          error: `${file.name} is larger than ${formatSize(limitBytes)}, the most one file may be.`,
        };
      }
      if (file.size === 0) return { key, file, progress: 0, error: `${file.name} is empty.` };
      return { key, file, progress: 0 };
    });
    setUploads((list) => [...list, ...added]);
    queue.current.push(...added.filter((u) => !u.error));
    pump();
  }

  const ready = uploads.filter((u) => u.stored);
  const busy = uploads.some((u) => !u.stored && !u.error);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const today = new Date().toLocaleDateString("en-CA");

  return (
    <div className="space-y-4">
      <div
        role="group"
        aria-labelledby={labelId}
        data-testid="attachment-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          add(event.dataTransfer.files);
        }}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-6 text-center ${
          over ? "border-accent bg-accent/5" : "border-rule bg-surface"
        }`}
      >
        <p id={labelId} className="font-semibold">
          Drop files here to attach them
        </p>
        <p className="text-sm text-muted">
          PDF, images, HTML, text, Word or OpenDocument, up to {formatSize(limitBytes)} each
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          accept={acceptAttribute}
          className="peer sr-only"
          onChange={(event) => {
            add(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded border border-rule bg-surface px-4 py-2 text-sm font-semibold hover:border-ink peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent"
        >
          Choose files
        </label>
      </div>

      {state?.ok && <Notice tone="success">{state.message}</Notice>}
      {state && !state.ok && <Notice tone="error">{state.message}</Notice>}

      {uploads.length > 0 && (
        <form
          action={dispatch}
          onSubmit={submitWithoutReset(dispatch)}
          noValidate
          className="space-y-4"
          aria-label="Files to attach"
        >
          <input type="hidden" name="ownerType" value={owner.type} />
          <input type="hidden" name="ownerId" value={owner.id} />
          <BaseRevisionInput />
          {owner.type === "law" && texts.length > 0 && (ready.length > 0 || busy) && (
            <SelectField
              label="Attach to"
              name="textId"
              hint="The law as a whole, or one of its text versions (its official publication, a scan of it…)."
              options={[
                { value: "", label: "The law as a whole" },
                ...texts.map((t) => ({ value: String(t.id), label: t.label })),
              ]}
              errors={errors.textId}
            />
          )}
          <ul className="space-y-3">
            {uploads.map((upload) => {
              const index = ready.indexOf(upload);
              return (
                <li
                  key={upload.key}
                  className="space-y-3 rounded-lg border border-rule bg-surface p-4"
                  data-testid="upload"
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="font-semibold break-all">{upload.file.name}</p>
                    <p className="text-sm text-muted">{formatSize(upload.file.size)}</p>
                  </div>
                  {upload.error ? (
                    <p role="alert" className="text-sm font-medium text-danger">
                      {upload.error}
                    </p>
                  ) : upload.stored ? (
                    <StoredFileFields
                      index={index}
                      stored={upload.stored}
                      defaultRole={defaultRole(owner.type, upload.stored.mediaType)}
                      canBeInternal={owner.type !== "source"}
                      today={today}
                      errors={errors}
                    />
                  ) : (
                    <progress
                      className="h-2 w-full"
                      value={Math.round(upload.progress * 100)}
                      max={100}
                      aria-label={`Uploading ${upload.file.name}`}
                    />
                  )}
                  <Button
                    variant="link"
                    onClick={() => {
                      queue.current = queue.current.filter((u) => u.key !== upload.key);
                      setUploads((list) => list.filter((u) => u.key !== upload.key));
                    }}
                  >
                    {upload.stored || upload.error ? "Take off the list" : "Cancel"}
                    <span className="sr-only"> {upload.file.name}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
          {(ready.length > 0 || busy) && (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={pending || busy || ready.length === 0}>
                {pending ? "Attaching…" : ready.length === 1 ? "Attach 1 file" : `Attach ${ready.length} files`}
              </Button>
              {busy && (
                <p role="status" className="text-sm text-muted">
                  Waiting for the uploads to finish…
                </p>
              )}
            </div>
          )}
        </form>
      )}
    </div>
  );
}

function StoredFileFields({
  index,
  stored,
  defaultRole,
  canBeInternal,
  today,
  errors,
}: {
  index: number;
  stored: StoredFile;
  defaultRole: AttachmentRole;
  /** A source's files are always internal: nothing publishes them. */
  canBeInternal: boolean;
  today: string;
  errors: Record<string, string[]>;
}) {
  const field = (name: string) => `files.${index}.${name}`;
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        Uploaded:{" "}
        {isAcceptedMediaType(stored.mediaType) ? acceptedMediaTypes[stored.mediaType].label : stored.mediaType}
        {stored.pageCount !== null && `, ${stored.pageCount} ${stored.pageCount === 1 ? "page" : "pages"}`} · SHA-256{" "}
        <code className="break-all">{stored.sha256}</code>
        {stored.alreadyStored && " · already in the archive, stored once"}
      </p>
      <input type="hidden" name={field("sha256")} value={stored.sha256} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Name"
          name={field("name")}
          defaultValue={stored.name}
          errors={errors[field("name")]}
          required
        />
        <SelectField
          label="What it is"
          name={field("role")}
          options={roleOptions}
          defaultValue={defaultRole}
          errors={errors[field("role")]}
        />
        <TextField
          label="Captured on"
          name={field("capturedOn")}
          type="date"
          defaultValue={today}
          hint="The day this copy was obtained."
          errors={errors[field("capturedOn")]}
        />
        <div className="self-end">
          {canBeInternal && (
            <CheckboxField label="Internal" name={field("internal")} hint="Only editors see an internal file." />
          )}
        </div>
      </div>
    </div>
  );
}

function defaultRole(owner: AttachmentOwner["type"], mediaType: string): AttachmentRole {
  if (owner !== "law") return "other";
  if (mediaType === "application/pdf") return "official_publication";
  if (mediaType.startsWith("image/")) return "scan";
  return "other";
}
