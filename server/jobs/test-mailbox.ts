/**
 * For job tests: the project's SMTP catcher on a free port with its own folder, and a `send` that
 * delivers to it over real SMTP through nodemailer, as the app's mailer does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { readMailbox, startSmtpCatcher } from "@/scripts/smtp-catcher.mjs";
import type { SendEmail } from "@/server/jobs/notify";

export async function testMailbox() {
  const dir = mkdtempSync(path.join(tmpdir(), "headway-mail-"));
  const catcher = await startSmtpCatcher({ port: 0, dir, log: false });
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: catcher.port, secure: false, ignoreTLS: true });
  const send: SendEmail = async (email) => {
    await transport.sendMail({ from: "Headway <no-reply@headway.test>", ...email });
  };
  return {
    send,
    /** Messages to `to`, oldest first. */
    inbox: (to: string) => readMailbox(dir, to),
    async close() {
      transport.close();
      await catcher.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
