#!/usr/bin/env node
/**
 * A local SMTP catcher: real SMTP in, nothing out. Development, the demo and the tests point
 * EMAIL_SERVER at it; every message is decoded (quoted-printable and all) and kept as one JSON
 * file in a folder, which `readMailbox` (tests) and the console (people) read.
 *
 *   node scripts/smtp-catcher.mjs            # port SMTP_CATCHER_PORT (2525), folder .data/mail
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** @param {{ port?: number, dir?: string, log?: boolean }} [options] */
export async function startSmtpCatcher({ port = 2525, dir = ".data/mail", log = true } = {}) {
  mkdirSync(dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    async onData(stream, session, callback) {
      try {
        const mail = await simpleParser(stream);
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const text = mail.text ?? "";
        const links = [...new Set(text.match(/https?:\/\/[^\s"<>]+/g) ?? [])];
        const record = { to, from: mail.from?.text ?? "", subject: mail.subject ?? "", text, html: mail.html || "", links, receivedAt: new Date().toISOString() };
        mkdirSync(dir, { recursive: true }); // the folder may have been emptied since start
        const name = `${Date.now()}-${String(++seq).padStart(4, "0")}-${process.pid}.json`;
        writeFileSync(path.join(dir, name), JSON.stringify(record, null, 2));
        if (log) {
          console.log(`[mail] to ${to.join(", ")}: ${record.subject}`);
          for (const l of links) console.log(`[mail]   ${l}`);
        }
        callback();
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { port: actualPort, dir, close: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
}

/**
 * Messages caught so far, oldest first; optionally only those to `to`.
 * @param {string} dir
 * @param {string} [to]
 * @returns {{ to: string[], from: string, subject: string, text: string, html: string, links: string[], receivedAt: string }[]}
 */
export function readMailbox(dir, to) {
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const all = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")));
  return to ? all.filter((m) => m.to.includes(to.toLowerCase())) : all;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const catcher = await startSmtpCatcher({
    port: Number(process.env.SMTP_CATCHER_PORT ?? 2525),
    dir: process.env.MAIL_CATCHER_DIR ?? ".data/mail",
  });
  console.log(`[mail] SMTP catcher on 127.0.0.1:${catcher.port}, keeping mail in ${catcher.dir}`);
}
