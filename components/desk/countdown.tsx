"use client";

import { useEffect, useState } from "react";

function remaining(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  const clock = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}:${String(rest).padStart(2, "0")}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** "Goes live in 01:02:03", ticking each second, for a scheduled article. */
export function Countdown({ until }: { until: string }) {
  const target = Date.parse(until);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const update = () => setNow(Date.now());
    update();
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  return (
    <span className="countdown">{target > now ? `Goes live in ${remaining(target - now)}` : "Due now: publishing…"}</span>
  );
}
