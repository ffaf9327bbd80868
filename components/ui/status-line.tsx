/** The outcome of a desk form, announced politely: an error in the error colour, else a quiet "done". */
export type FormMessage = { kind: "error" | "done"; text: string } | null;

export function StatusLine({ message }: { message: FormMessage }) {
  return message ? (
    <p className={message.kind === "error" ? "form-error" : "form-done"} role="status">
      {message.text}
    </p>
  ) : null;
}
