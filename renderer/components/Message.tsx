// A message from the main process, with its `commands` shown as code (messages name the fix,
// and the fix is often a command to run).
export function Message({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
    </>
  );
}
