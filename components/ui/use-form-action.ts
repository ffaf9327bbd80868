"use client";

import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import type { ActionResult, FieldErrors } from "@/lib/desk-results";
import type { FormMessage } from "./status-line";
import { useDeskTransition } from "./use-hydrated";

/**
 * A desk form's state and its one way of sending: the values as typed, the server's field errors,
 * the status line and `busy`. A refused action keeps every value typed and puts each error beside
 * its field; an accepted one clears the errors and lets the form say what happened.
 *
 * Not React's useActionState: these forms are controlled (what was typed must survive a refusal
 * untouched), their status line clears the moment a new attempt starts, and `busy` must also cover
 * the time before hydration (useDeskTransition).
 */
export function useFormAction<V extends Record<string, unknown>>(initialValues: V) {
  const id = useId();
  const [values, setValues] = useState(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage>(null);
  const [busy, startTransition] = useDeskTransition();

  function update<K extends keyof V>(key: K, value: V[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  /** A text control's value and onChange, for a field of the form that holds a string. */
  function bind<K extends { [Key in keyof V]: V[Key] extends string ? Key : never }[keyof V]>(key: K) {
    return {
      value: values[key] as string,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => update(key, event.target.value as V[K]),
    };
  }

  /** Runs an action; `done` hears of success and returns what the status line should say, if anything. */
  function run<T>(action: () => Promise<ActionResult<T>>, done: (result: { ok: true } & T) => FormMessage | void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setMessage({ kind: "error", text: result.error });
        return;
      }
      setFieldErrors({});
      setMessage(done(result) ?? null);
    });
  }

  /** A form's onSubmit: no native submission, just `run`. */
  function submitWith<T>(action: () => Promise<ActionResult<T>>, done: (result: { ok: true } & T) => FormMessage | void) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      run(action, done);
    };
  }

  return { id, values, setValues, update, bind, fieldErrors, message, setMessage, busy, run, submitWith };
}
