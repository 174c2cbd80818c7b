import type { Metadata } from "next";
import Link from "next/link";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Accessibility statement" };

/**
 * The accessibility statement in plain words, for everyone who uses Headway, families included.
 * ACCESSIBILITY.md is the full statement (the GOV.UK model, with the technical detail and what each
 * test proves); this page says the same things, and changes with it.
 */
export default function AccessibilityPage() {
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-4xl">Accessibility statement</h1>
      <p className="mb-4 text-xl">
        This statement is about Headway, including the pages for families that show how each local area&apos;s SEND
        improvement plan is going. We want as many people as possible to be able to use it.
      </p>

      <h2 className="mt-8 mb-4 text-2xl">What you should be able to do</h2>
      <ul className="mb-4 list-disc pl-6">
        <li className="mb-2">make the text up to 4 times bigger (zoom to 400%) without it going off the screen or the page scrolling sideways, and read every page on a phone</li>
        <li className="mb-2">use most of Headway with a keyboard alone, always able to see where you are</li>
        <li className="mb-2">be told what is wrong when a form cannot be saved, and be taken to each thing to put right</li>
        <li className="mb-2">read the figures behind every chart as a table: choose &ldquo;Show the figures&rdquo; under the chart</li>
        <li className="mb-2">
          use a screen reader or speech recognition: Headway is built to the standards they rely on, but we have not yet
          tested it with them
        </li>
      </ul>
      <p className="mb-4">We have also tried to make the words as simple as we can.</p>
      <p className="mb-4">
        <a href="https://mcmw.abilitynet.org.uk/" rel="noopener noreferrer">
          AbilityNet
        </a>{" "}
        has advice on making your device easier to use if you have a disability.
      </p>

      <h2 className="mt-8 mb-4 text-2xl">How well Headway meets the standard</h2>
      <p className="mb-4">
        The standard is the Web Content Accessibility Guidelines (WCAG) version 2.2, level AA. Headway partly meets it: most
        of it does, and we know of these problems:
      </p>
      <ul className="mb-4 list-disc pl-6">
        <li className="mb-2">
          the board pack as a PDF does not work well with screen readers (its headings and tables cannot be found, and its
          charts have no text). The board pack as a Word document has the same content and does
        </li>
        <li className="mb-2">files that people upload as evidence may not be accessible: ask the area&apos;s plan lead for another version</li>
        <li className="mb-2">the spreadsheet for importing and exporting a plan has not been checked for accessibility</li>
        <li className="mb-2">
          after you save some forms, a screen reader may start reading again from the top of the page (it still reads out
          that the form was saved)
        </li>
      </ul>

      <h2 className="mt-8 mb-4 text-2xl">How we test</h2>
      <p className="mb-4">Every change to Headway is checked by tests that run by themselves. They check that:</p>
      <ul className="mb-4 list-disc pl-6">
        <li className="mb-2">every page passes automatic accessibility checks (axe) against WCAG 2.2 levels A and AA</li>
        <li className="mb-2">pages work 320 pixels wide, as on a small phone or at 400% zoom, without scrolling sideways</li>
        <li className="mb-2">you can post an update, give the forum&apos;s view, write an adviser&apos;s note and read a public page with a keyboard alone</li>
        <li className="mb-2">every form that can go wrong says what is wrong and takes you to it</li>
        <li className="mb-2">every chart has its figures as tables</li>
      </ul>
      <p className="mb-4">
        We last tested on 22 November 2026, in the Chromium web browser. We have not yet tested with a screen reader, a
        screen magnifier or speech recognition, in other browsers, with changed text spacing or high contrast colours, or the
        emails Headway sends.
      </p>

      <h2 className="mt-8 mb-4 text-2xl">Report a problem or ask for another format</h2>
      <p className="mb-4">
        If something does not work for you, or you need information in a different format such as large print, easy read,
        audio or braille, tell the council that runs Headway for the area:
      </p>
      <ul className="mb-4 list-disc pl-6">
        <li className="mb-2">
          about an area&apos;s pages for families: open the area from{" "}
          <Link href={routes.publicAreas()}>the list of published areas</Link> and use its &ldquo;Contact&rdquo; link at the
          bottom of the page, where the council has given one
        </li>
        <li className="mb-2">if you use Headway for your work, tell your area&apos;s plan lead, who will pass it on</li>
      </ul>
      <p className="mb-4">Say which page it was and what went wrong. We will reply and, where we can, fix it.</p>

      <h2 className="mt-8 mb-4 text-2xl">If you are not happy with the reply</h2>
      <p className="mb-4">
        The Equality and Human Rights Commission enforces the accessibility rules for public sector websites. If you are not
        happy with how we answer your complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/" rel="noopener noreferrer">
          Equality Advisory and Support Service (EASS)
        </a>
        . In Northern Ireland, contact the{" "}
        <a href="https://www.equalityni.org/Home" rel="noopener noreferrer">
          Equality Commission for Northern Ireland
        </a>
        .
      </p>

      <p className="mt-8 text-secondary">This statement was prepared on 22 November 2026.</p>
    </div>
  );
}
