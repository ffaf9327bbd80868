"use client";

import { ActionButton } from "@/components/ui/action-button";
import { markAllReadAction } from "@/lib/notifications/actions";

export function MarkAllReadButton() {
  return (
    <ActionButton act={() => markAllReadAction()} onSuccess={() => ({ kind: "done", text: "All marked read." })}>
      Mark all read
    </ActionButton>
  );
}
