"use client";
/**
 * The client half of "no lost edits" for one form: keeps the version the editor loaded, and when
 * a save is refused as stale, holds both sides so the form can show what changed and let the
 * editor reapply their change (save over theirs) or take theirs.
 */
import { useState } from "react";
import { staleSaveFrom, type StaleSave } from "@/components/forms/trpc-errors";

export type Conflict<T> = { mine: T; theirs: T & { version: number }; changedBy: string | null; changedAt: string | null };

export function useVersionedSave<T extends Record<string, unknown>>(initialVersion: number) {
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  return {
    version,
    conflict,
    /** Runs `save` with the loaded version; on a stale refusal records the conflict and rethrows. */
    async save<R extends { version: number }>(mine: T, save: (version: number) => Promise<R>, overVersion?: number): Promise<R> {
      try {
        const saved = await save(overVersion ?? version);
        setVersion(saved.version);
        setConflict(null);
        return saved;
      } catch (error) {
        const stale: StaleSave | null = staleSaveFrom(error);
        if (stale) setConflict({ mine, theirs: stale.current as T & { version: number }, changedBy: stale.changedBy, changedAt: stale.changedAt });
        throw error;
      }
    },
    /** Take theirs: the form shows the saved record and edits from its version. */
    takeTheirs(): (T & { version: number }) | null {
      if (!conflict) return null;
      setVersion(conflict.theirs.version);
      setConflict(null);
      return conflict.theirs;
    },
    /** The version to save "mine over theirs" with: theirs, which the editor has now seen. */
    get theirVersion(): number | null {
      return conflict?.theirs.version ?? null;
    },
  };
}

export type VersionedSave<T extends Record<string, unknown>> = ReturnType<typeof useVersionedSave<T>>;
