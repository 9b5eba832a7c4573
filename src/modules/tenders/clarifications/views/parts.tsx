/**
 * Text typed by a person, shown as paragraphs with its line breaks, escaped by Preact: a question
 * containing markup shows the markup as text.
 */
export function MultilineText({ text }: { text: string }) {
  const paragraphs = text.split(/\r?\n\s*\r?\n/);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split(/\r?\n/).map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
