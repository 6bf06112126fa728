type Tone = "error" | "success" | "info";

const tones: Record<Tone, string> = {
  error: "border-danger bg-danger/10 text-danger",
  success: "border-success bg-success/10 text-success",
  info: "border-rule bg-surface text-ink",
};

/** A message about the whole form or page; announced politely to screen readers. */
export function Notice({
  tone = "info",
  children,
  testId,
}: {
  tone?: Tone;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded border-l-4 px-4 py-3 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
}
