import type { FieldErrors } from "@/lib/desk-results";

/**
 * The first error the server gave for a field, shown beside it. The input points at it with
 * aria-describedby (`${formId}-${name}-error`) and aria-invalid, so assistive technology reads it.
 */
export function FieldError({ formId, name, errors }: { formId: string; name: string; errors: FieldErrors }) {
  const message = errors[name]?.[0];
  if (!message) return null;
  return (
    <p id={`${formId}-${name}-error`} className="field-error">
      {message}
    </p>
  );
}
