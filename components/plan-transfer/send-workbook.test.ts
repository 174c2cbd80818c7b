/** How the import page sends a workbook and reads the answer: the form it posts, and each way a send can fail. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendWorkbook, WorkbookUploadError } from "@/components/plan-transfer/send-workbook";

const file = new File(["Ref,Kind\r\n"], "Findings.csv", { type: "text/csv" });
const check = { errors: [], warnings: [], changes: [], errorCount: 0, warningCount: 0, changeCount: 0, summary: { created: 0, updated: 0, byEntity: {} } };

function answering(response: Response | Error) {
  const fetch = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("sendWorkbook", () => {
  it("posts the files as a form to the area's import route, in the mode asked for", async () => {
    const fetch = answering(Response.json({ ...check, status: "unchanged" }));
    expect(await sendWorkbook("north-town", "apply", [file])).toMatchObject({ status: "unchanged", errorCount: 0 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/local-areas/north-town/plan-import?mode=apply");
    expect(init.method).toBe("POST");
    const sent = (init.body as FormData).getAll("files") as File[];
    expect(sent.map((f) => f.name)).toEqual(["Findings.csv"]);
  });

  it("says the file could not be sent when the request never reaches the server", async () => {
    answering(new TypeError("Failed to fetch"));
    await expect(sendWorkbook("north-town", "preview", [file])).rejects.toMatchObject({
      status: 0,
      message: "The file could not be sent. Check your connection and try again.",
    });
  });

  it("names the size limit on 413, even when a proxy answered without the server's sentence", async () => {
    answering(new Response("<html>Request Entity Too Large</html>", { status: 413 }));
    const error = await sendWorkbook("north-town", "preview", [file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookUploadError);
    expect(error).toMatchObject({ status: 413, aboutFiles: true, message: "The file must be smaller than 10 MB" });
  });

  it("passes on the server's sentence for a refusal, beside the field when it is about the files", async () => {
    answering(Response.json({ message: "You do not have permission to do that." }, { status: 403 }));
    await expect(sendWorkbook("north-town", "apply", [file])).rejects.toMatchObject({ status: 403, aboutFiles: false, message: "You do not have permission to do that." });
    answering(Response.json({ message: "Choose a workbook (.xlsx) or CSV files", fieldErrors: { files: "Choose a workbook (.xlsx) or CSV files" } }, { status: 400 }));
    await expect(sendWorkbook("north-town", "preview", [file])).rejects.toMatchObject({ status: 400, aboutFiles: true });
  });

  it("falls back to a plain sentence when the server fails without one", async () => {
    answering(new Response("Bad gateway", { status: 502 }));
    await expect(sendWorkbook("north-town", "preview", [file])).rejects.toMatchObject({ status: 502, message: "Something went wrong and nothing was saved. Try again." });
  });
});
