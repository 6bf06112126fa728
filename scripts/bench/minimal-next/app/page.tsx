// About the size of a law page's HTML (MINIMAL_PAGE_BYTES, read at build time), as
// static text: what Next.js serves for a prerendered page, without the application around it.
// The text appears twice: in the HTML and in the inline RSC payload.
const bytes = (Number(process.env.MINIMAL_PAGE_BYTES) || 60_000) / 2;
const sentence =
  "The law on the rehabilitation of victims of political repression was adopted, amended and commented on. ";
const paragraphs = Array.from(
  { length: Math.max(1, Math.round(bytes / (sentence.length * 8 + 7))) },
  (_, i) => `${i + 1}. ${sentence.repeat(8)}`,
);

export default function Page() {
  return (
    <main id="main">
      <h1 data-testid="minimal-page">A minimal prerendered page</h1>
      {paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </main>
  );
}
