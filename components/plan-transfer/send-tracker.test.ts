/** How the import page sends a council's own tracker: the form it posts (the file, the mapping) and how a refusal reads. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendTracker } from "@/components/plan-transfer/send-tracker";
import type { TrackerMapping } from "@/server/schemas/tracker-mapping";

const file = new File(["Area of weakness,Action\r\n"], "tracker.csv", { type: "text/csv" });
const mapping: TrackerMapping = { sheet: "tracker.csv", headerRow: 1, columns: { "Area of weakness": "finding", Action: "title" } };
const check = { errors: [], warnings: [], changes: [], errorCount: 0, warningCount: 0, changeCount: 0, summary: { created: 0, updated: 0, byEntity: {} } };

function answering(response: Response) {
  const fetch = vi.fn(async () => response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sendTracker", () => {
  it("posts the file alone to read its columns", async () => {
    const fetch = answering(Response.json({ file: "tracker.csv", sheets: [], suggestion: mapping, remembered: false }));
    expect(await sendTracker("north-town", "columns", file)).toMatchObject({ file: "tracker.csv" });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/local-areas/north-town/tracker-import?mode=columns");
    expect((init.body as FormData).get("mapping")).toBeNull();
    expect(((init.body as FormData).get("file") as File).name).toBe("tracker.csv");
  });

  it("posts the file with its mapping as JSON to check or apply it", async () => {
    const fetch = answering(Response.json({ ...check, status: "applied", mappingSaved: true }));
    expect(await sendTracker("north-town", "apply", file, mapping)).toMatchObject({ status: "applied", mappingSaved: true });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/local-areas/north-town/tracker-import?mode=apply");
    expect(JSON.parse((init.body as FormData).get("mapping") as string)).toEqual(mapping);
  });

  it("passes on the server's sentence, beside the file field when it is about the file", async () => {
    answering(Response.json({ message: "Choose the column that holds each action's title", fieldErrors: { mapping: "x" } }, { status: 400 }));
    await expect(sendTracker("north-town", "preview", file, mapping)).rejects.toMatchObject({ status: 400, aboutFiles: false, message: "Choose the column that holds each action's title" });
    answering(Response.json({ message: "tracker.csv has more than 5000 rows.", fieldErrors: { file: "x" } }, { status: 400 }));
    await expect(sendTracker("north-town", "columns", file)).rejects.toMatchObject({ aboutFiles: true });
  });

  it("does not take a check's answer for the columns it asked for", async () => {
    answering(Response.json(check));
    await expect(sendTracker("north-town", "columns", file)).rejects.toMatchObject({ message: "Something went wrong and nothing was saved. Try again." });
  });
});
