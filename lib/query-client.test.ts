/**
 * When a read is asked again: never after a refusal (a 403 or 404 page must come at once, not
 * after the retries' seconds of waiting), only after a failure that might pass.
 */
import { TRPCClientError } from "@trpc/client";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { isRefused, makeQueryClient, shouldRetry } from "@/lib/query-client";

const REFUSALS = ["FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED", "BAD_REQUEST", "CONFLICT"] as const;

/** A service's AppError (server/errors.ts) as thrown: its own code on an Error. */
const appError = (code: "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID") => Object.assign(new Error("Refused."), { name: "AppError", code });

/** What the browser's tRPC client throws for a refusal: the code and status in `data`. */
const clientError = (code: string, httpStatus: number) =>
  TRPCClientError.from({ error: { code: -32600, message: "Refused.", data: { code, httpStatus } } } as never);

describe("shouldRetry", () => {
  it.each(REFUSALS)("never asks again after a TRPCError %s, on the server or in the browser", (code) => {
    const error = new TRPCError({ code, message: "Refused." });
    expect(isRefused(error)).toBe(true);
    for (const onServer of [true, false]) expect(shouldRetry(0, error, onServer)).toBe(false);
  });

  it.each(["NOT_FOUND", "FORBIDDEN", "CONFLICT", "INVALID"] as const)("never asks again after a service's AppError %s", (code) => {
    for (const onServer of [true, false]) expect(shouldRetry(0, appError(code), onServer)).toBe(false);
  });

  it.each([
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["UNAUTHORIZED", 401],
    ["BAD_REQUEST", 400],
  ])("never asks again after a refusal the browser was sent (%s, %i)", (code, status) => {
    expect(shouldRetry(0, clientError(code, status), false)).toBe(false);
  });

  it("asks again after a failure that might pass: once on the server, twice in the browser", () => {
    const failure = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Connection reset." });
    expect(isRefused(failure)).toBe(false);
    expect([0, 1].map((count) => shouldRetry(count, failure, true))).toEqual([true, false]);
    expect([0, 1, 2].map((count) => shouldRetry(count, failure, false))).toEqual([true, true, false]);
    expect(shouldRetry(0, new TypeError("fetch failed"), false)).toBe(true);
  });

  it("does not ask again on the server while the database is out of reach: its page comes at once", () => {
    expect(shouldRetry(0, new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "Unavailable." }), true)).toBe(false);
  });
});

describe("makeQueryClient", () => {
  it.each(REFUSALS)("asks a read refused with %s once, and fails at once", async (code) => {
    const client = makeQueryClient(true);
    let calls = 0;
    const started = Date.now();
    const read = client.fetchQuery({
      queryKey: ["refused", code],
      queryFn: async () => {
        calls += 1;
        throw new TRPCError({ code, message: "Refused." });
      },
    });
    await expect(read).rejects.toMatchObject({ code });
    expect(calls).toBe(1);
    // The retries waited a second, then two: a refusal waits for none.
    expect(Date.now() - started).toBeLessThan(500);
  });
});
