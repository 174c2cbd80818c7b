"use client";
/**
 * The adviser's confirmation of a decision, shown above the list of pending requests: the decided
 * request leaves that list as soon as the page refreshes, and a notice inside it would go with it.
 */
import { createContext, useContext, useState, type ReactNode } from "react";
import { Notice } from "@/components/forms/form-feedback";

const Announce = createContext<(message: string) => void>(() => {});

export function DecisionNotice({ children }: { children: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  return (
    <Announce.Provider value={setText}>
      <Notice text={text} />
      {children}
    </Announce.Provider>
  );
}

export const useAnnounceDecision = () => useContext(Announce);
