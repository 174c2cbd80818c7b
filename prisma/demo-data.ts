/**
 * The demo: two fictional local areas, in the style of real Ofsted/CQC letters and plans.
 *
 * - Northbridge (published): a WSOA after a 2016-framework inspection 14 months ago, five areas of
 *   significant weakness, 26 actions with a visible RAG mix, six measures with trajectories
 *   (two lagging), evidence awaiting review, and a revisit expected in about five months.
 * - Eastmoor (not published): a revisit found insufficient progress, so an Accelerated Progress
 *   Plan now carries two of the WSOA's findings forward.
 *
 * Every date is relative to `today`, so the demo looks the same whenever it is seeded.
 * `seedDemo` is idempotent (nothing happens when the "northbridge" area exists) and writes in one
 * transaction, always through `tx`, so a failed seed leaves nothing half-made.
 */
import type { Prisma, PrismaClient } from "../server/generated/prisma/client";
import type {
  ActionStatus,
  AreaRole,
  CoproductionLevel,
  EvidenceKind,
  GlobalRole,
  MeasureDirection,
  MeasureUnit,
  OrganisationKind,
  Rag,
  ReviewStatus,
  Visibility,
} from "../server/generated/prisma/enums";
import { hashPassword } from "../server/auth/password";
import { day } from "./factories";

export const DEMO_PASSWORD = "headway-demo";

// ---------------------------------------------------------------------------------------------
// Organisations and people
// ---------------------------------------------------------------------------------------------

type AreaKey = "northbridge" | "eastmoor";
type OrgKey =
  | "nbCouncil" | "nbIcb" | "nbTrust" | "nbRiverside" | "nbAcademy" | "nbForum"
  | "dfe" | "nhse"
  | "emCouncil" | "emIcb" | "emForum";

const ORGANISATIONS: { key: OrgKey; name: string; kind: OrganisationKind; area: AreaKey | null }[] = [
  { key: "nbCouncil", name: "Northbridge City Council", kind: "COUNCIL", area: "northbridge" },
  { key: "nbIcb", name: "NHS Northbridge and Wyre Integrated Care Board", kind: "ICB", area: "northbridge" },
  { key: "nbTrust", name: "Northbridge Community Health NHS Trust", kind: "NHS_TRUST", area: "northbridge" },
  { key: "nbRiverside", name: "Riverside Primary School", kind: "SCHOOL", area: "northbridge" },
  { key: "nbAcademy", name: "Northbridge Academy", kind: "SCHOOL", area: "northbridge" },
  { key: "nbForum", name: "Northbridge Parent Carer Forum", kind: "PARENT_CARER_FORUM", area: "northbridge" },
  { key: "dfe", name: "Department for Education", kind: "DFE", area: null },
  { key: "nhse", name: "NHS England", kind: "NHSE", area: null },
  { key: "emCouncil", name: "Eastmoor Metropolitan Borough Council", kind: "COUNCIL", area: "eastmoor" },
  { key: "emIcb", name: "NHS Eastmoor and Dales Integrated Care Board", kind: "ICB", area: "eastmoor" },
  { key: "emForum", name: "Eastmoor Parent Carer Forum", kind: "PARENT_CARER_FORUM", area: "eastmoor" },
];

type PersonKey = "priya" | "tom" | "amara" | "jo" | "martin" | "helen" | "sam" | "alex" | "daniel";

const PEOPLE: {
  key: PersonKey;
  email: string;
  name: string;
  jobTitle: string;
  org: OrgKey | null;
  globalRole?: GlobalRole;
  memberships: [AreaKey, AreaRole][];
  role: string;
  area?: string;
}[] = [
  { key: "priya", email: "lead@northbridge.example", name: "Priya Shah", jobTitle: "Head of SEND", org: "nbCouncil",
    memberships: [["northbridge", "LEAD"]], role: "Lead: Head of SEND, Northbridge City Council", area: "Northbridge" },
  { key: "tom", email: "owner@northbridge.example", name: "Tom Baker", jobTitle: "EHC Team Manager", org: "nbCouncil",
    memberships: [["northbridge", "CONTRIBUTOR"]], role: "Contributor: EHC Team Manager, owns several actions", area: "Northbridge" },
  { key: "amara", email: "dco@northbridge.example", name: "Dr Amara Okafor", jobTitle: "Designated Clinical Officer for SEND", org: "nbIcb",
    memberships: [["northbridge", "CONTRIBUTOR"]], role: "Contributor: Designated Clinical Officer, NHS Northbridge and Wyre ICB", area: "Northbridge" },
  { key: "jo", email: "forum@northbridge.example", name: "Jo Hughes", jobTitle: "Chair, Northbridge Parent Carer Forum", org: "nbForum",
    memberships: [["northbridge", "FORUM"]], role: "Forum: chair of the parent carer forum", area: "Northbridge" },
  { key: "martin", email: "adviser@headway.example", name: "Martin Cole", jobTitle: "SEND Adviser, Department for Education", org: "dfe",
    memberships: [["northbridge", "ADVISER"], ["eastmoor", "ADVISER"]], role: "Adviser: DfE SEND adviser", area: "Northbridge and Eastmoor" },
  { key: "helen", email: "viewer@northbridge.example", name: "Cllr Helen Price", jobTitle: "Lead Member for Children's Services", org: "nbCouncil",
    memberships: [["northbridge", "VIEWER"]], role: "Viewer: councillor, lead member for children's services", area: "Northbridge" },
  { key: "sam", email: "national@headway.example", name: "Sam Whitfield", jobTitle: "National SEND team, Department for Education", org: "dfe",
    globalRole: "NATIONAL", memberships: [], role: "National: DfE national SEND team (reads every area)" },
  { key: "alex", email: "admin@headway.example", name: "Alex Morgan", jobTitle: "Headway administrator", org: null,
    globalRole: "ADMIN", memberships: [], role: "Admin: areas, users and memberships" },
  { key: "daniel", email: "lead@eastmoor.example", name: "Daniel Reeves", jobTitle: "Assistant Director, SEND and Inclusion", org: "emCouncil",
    memberships: [["eastmoor", "LEAD"]], role: "Lead: Assistant Director, SEND and Inclusion, Eastmoor", area: "Eastmoor" },
];

/** The demo sign-ins, for the README and tests. Every one uses DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: string; area?: string }[] = PEOPLE.map(
  ({ email, name, role, area }) => (area ? { email, name, role, area } : { email, name, role }),
);

// ---------------------------------------------------------------------------------------------
// Findings and actions
// ---------------------------------------------------------------------------------------------

type FindingSpec = { ref: string; inspectorsWording: string; summary: string };

/** [days ago, narrative, progress?]; oldest first. The last one sets the action's state. */
type UpdateSpec = [number, string, number?];

type ActionSpec = {
  ref: string;
  title: string;
  description: string;
  owner?: PersonKey;
  lead: OrgKey;
  partners?: OrgKey[];
  /** Day offsets from today. */
  start: number;
  due: number;
  status: ActionStatus;
  progress: number;
  co?: CoproductionLevel;
  dependsOn?: string[];
  override?: { rag: Rag; reason: string };
  updates?: UpdateSpec[];
};

const NB_FINDINGS: FindingSpec[] = [
  {
    ref: "1",
    inspectorsWording:
      "The timeliness and quality of education, health and care (EHC) plans. Too few EHC plans are issued within the statutory 20 weeks; in the year before the inspection, only a small minority were. Plans are often written in generic terms, do not capture the views and aspirations of children, young people and their families, and are not routinely informed by timely advice from health and social care professionals. Annual reviews are not carried out in a timely way, so too many plans do not reflect children's and young people's current needs.",
    summary:
      "Families waited far too long for education, health and care (EHC) plans, and many plans were not good enough. They did not describe each child properly, advice from health and social care was often late or missing, and plans were not reviewed every year as the law requires.",
  },
  {
    ref: "2",
    inspectorsWording:
      "Leaders' strategic oversight of the local area's arrangements for children and young people with SEND. Leaders across education, health and social care do not have an accurate, shared understanding of the area's strengths and weaknesses. Governance and accountability arrangements are unclear, joint commissioning is underdeveloped and leaders do not use performance information well enough to evaluate the impact of their work on outcomes for children and young people with SEND.",
    summary:
      "The council and the NHS did not work together well enough to run SEND services. Leaders did not share a clear picture of what was working, it was unclear who was responsible for what, and they did not use information to check whether things were getting better for children.",
  },
  {
    ref: "3",
    inspectorsWording:
      "The identification and assessment of children and young people's needs, particularly those who may have autism spectrum disorder or other neurodevelopmental conditions. Waiting times for autism assessment are too long, with some children and young people waiting more than two years. The neurodevelopmental pathway is fragmented and families report receiving little support while they wait. Speech, language and communication needs are not identified consistently in the early years.",
    summary:
      "Children's needs, especially autism and other neurodevelopmental conditions, were not picked up and assessed quickly enough. Some children waited more than two years for an autism assessment with little help for their families in the meantime, and speech and language needs in young children were often missed.",
  },
  {
    ref: "4",
    inspectorsWording:
      "The high rates of absence, suspension and use of part-time timetables for children and young people with SEND. Pupils with SEND, especially those with EHC plans, are more likely to be suspended or persistently absent than their peers nationally. Leaders do not have sufficient oversight of the use of part-time timetables or of children and young people with SEND who are missing education.",
    summary:
      "Children with SEND in Northbridge were much more likely than elsewhere to be sent home from school, suspended or put on a shortened school day, and leaders did not know enough about which children were missing out on education.",
  },
  {
    ref: "5",
    inspectorsWording:
      "The lack of co-production with parents and carers, and with children and young people, at both a strategic and an individual level. Many parents and carers told inspectors that they do not feel listened to, that communication from the local area is poor and that the local offer is difficult to navigate. The views of children and young people are not used to shape services. Leaders' engagement with the parent carer forum has been inconsistent.",
    summary:
      "Parents, carers and young people were not treated as equal partners. Families said nobody listened, communication was poor and the Local Offer website was hard to use. The council and the NHS did not work consistently with the parent carer forum.",
  },
];

const NB_ACTIONS: ActionSpec[] = [
  // Finding 1: EHC plans
  {
    ref: "1.1", title: "Recruit and induct additional EHC coordinators to bring caseloads below 120",
    description: "Fund eight additional EHC coordinator posts, recruit to them, and give every coordinator a structured induction so that average caseloads fall from over 250 to below 120.",
    owner: "tom", lead: "nbCouncil", start: -300, due: 60, status: "IN_PROGRESS", progress: 80,
    updates: [
      [120, "Six of the eight posts filled; two start next month. Average caseload is now 168.", 55],
      [62, "All eight coordinators in post and through induction. Average caseload 131; agency cover ends this quarter.", 70],
      [12, "Average caseload down to 124. Retention payments agreed by HR to keep the new team; final two posts backfilled after one leaver."],
    ],
  },
  {
    ref: "1.2", title: "Clear the backlog of overdue EHC needs assessments",
    description: "Triage every assessment open for more than 20 weeks, agree a completion date with each family and commission additional educational psychology capacity to complete the oldest first.",
    owner: "tom", lead: "nbCouncil", partners: ["nbIcb", "nbTrust"], start: -280, due: 90, status: "IN_PROGRESS", progress: 50, dependsOn: ["1.1"],
    updates: [
      [150, "Backlog triaged: 412 assessments over 20 weeks. Families of the 60 longest waits contacted individually.", 20],
      [96, "Backlog down to 301. Locum educational psychologists started but capacity is lower than commissioned.", 35],
      [38, "Backlog 244. Educational psychology advice is now the main delay; escalated to the improvement board."],
    ],
  },
  {
    ref: "1.3", title: "Introduce a multi-agency quality assurance framework for EHC plans",
    description: "Agree quality standards with health, social care, schools and the parent carer forum, and audit a monthly sample of new and reviewed plans against them, reporting themes to the improvement board.",
    owner: "priya", lead: "nbCouncil", partners: ["nbIcb", "nbForum"], start: -290, due: -20, status: "IN_PROGRESS", progress: 85,
    updates: [
      [200, "Quality standards drafted with the forum and the designated clinical officer.", 30],
      [110, "First three monthly audits complete: 38% of plans judged good. Social care advice the weakest section.", 60],
      [25, "Framework in use but the moderation panel has not yet met with social care representation; sign-off delayed beyond the due date."],
    ],
  },
  {
    ref: "1.4", title: "Replace the EHC case-management system",
    description: "Procure and implement a case-management system that coordinators can rely on, with a family portal, so that plans are no longer tracked in spreadsheets.",
    owner: "tom", lead: "nbCouncil", start: -200, due: 200, status: "IN_PROGRESS", progress: 40,
    updates: [
      [140, "Procurement complete; supplier appointed.", 15],
      [70, "Data migration from the old system under way; the spreadsheet tracker remains the source of truth for now.", 30],
      [9, "User testing with six coordinators. Family portal pushed back two months by the supplier."],
    ],
  },
  {
    ref: "1.5", title: "Publish a weekly EHC timeliness dashboard for the improvement board",
    description: "A weekly dashboard of assessments open, weeks elapsed and advice outstanding, shared with partners and summarised for families on the Local Offer.",
    owner: "tom", lead: "nbCouncil", partners: ["nbIcb"], start: -300, due: -150, status: "COMPLETE", progress: 100,
    updates: [
      [220, "Prototype dashboard shared with the board; definitions agreed with the ICB.", 60],
      [160, "Dashboard live and published weekly; a family-friendly summary goes on the Local Offer each month."],
    ],
  },
  {
    ref: "1.6", title: "Improve the timeliness of health advice for EHC needs assessments",
    description: "Agree a single point of contact for health advice requests in each service, track requests weekly and escalate any advice not returned within six weeks.",
    owner: "amara", lead: "nbIcb", partners: ["nbTrust"], start: -120, due: 60, status: "IN_PROGRESS", progress: 65,
    updates: [
      [90, "Single point of contact agreed with community paediatrics, therapies and CAMHS.", 25],
      [45, "Weekly tracker in place; 78% of health advice returned within six weeks last month.", 45],
      [6, "84% within six weeks. Occupational therapy still the slowest; extra sessions funded for the next quarter."],
    ],
  },
  // Finding 2: leadership and governance
  {
    ref: "2.1", title: "Establish a SEND improvement board with an independent chair",
    description: "Create a partnership improvement board, chaired independently, with the council, the ICB, schools and the parent carer forum as equal members, meeting every six weeks.",
    owner: "priya", lead: "nbCouncil", partners: ["nbIcb", "nbForum"], start: -330, due: -270, status: "COMPLETE", progress: 100,
    updates: [
      [300, "Independent chair appointed; terms of reference agreed with partners.", 70],
      [272, "Board established and meeting every six weeks; minutes published on the Local Offer."],
    ],
  },
  {
    ref: "2.2", title: "Agree a joint SEND and alternative provision strategy with families",
    description: "Write a three-year partnership strategy with the parent carer forum and young people, setting out shared priorities, accountability and how progress will be measured.",
    owner: "priya", lead: "nbCouncil", partners: ["nbIcb", "nbForum"], start: -240, due: 30, status: "IN_PROGRESS", progress: 85, co: "CO_DESIGNING",
    updates: [
      [130, "Four strategy workshops held with parents, young people and school leaders.", 45],
      [55, "Draft strategy agreed by the improvement board for consultation.", 70],
      [10, "Consultation closed with 412 responses; final version going to cabinet and the ICB board next month."],
    ],
  },
  {
    ref: "2.3", title: "Build a shared partnership performance dataset",
    description: "Bring education, health and care data into one dataset, with agreed definitions, so that leaders and the board see the same picture of need, timeliness and outcomes.",
    owner: "priya", lead: "nbCouncil", partners: ["nbIcb", "nbTrust"], start: -200, due: 100, status: "IN_PROGRESS", progress: 45, dependsOn: ["1.5"],
    override: {
      rag: "AMBER",
      reason: "The data-sharing agreement was signed this month after a four-month legal delay; the dashboard build is funded and the board has agreed a recovery plan.",
    },
    updates: [
      [150, "Indicator set agreed by the board.", 20],
      [70, "Data-sharing agreement with the trust still with legal teams.", 30],
      [5, "Data-sharing agreement signed. Build starts next month; RAG overridden to amber with the board's agreement."],
    ],
  },
  {
    ref: "2.4", title: "Agree a pooled budget for specialist health provision",
    description: "Jointly commission therapies and specialist nursing for children with complex needs through a pooled budget under a section 75 agreement.",
    owner: "amara", lead: "nbIcb", partners: ["nbCouncil"], start: 30, due: 240, status: "NOT_STARTED", progress: 0, dependsOn: ["2.3"],
  },
  {
    ref: "2.5", title: "Report SEND performance termly to scrutiny and the ICB board",
    description: "A termly report, written with the forum, to the children's scrutiny committee and the ICB board, showing progress against this plan and what families say.",
    owner: "priya", lead: "nbCouncil", partners: ["nbIcb"], start: -270, due: 180, status: "IN_PROGRESS", progress: 55,
    updates: [
      [180, "First termly report taken to scrutiny.", 20],
      [100, "Second report to scrutiny and, for the first time, to the ICB board.", 40],
      [33, "Spring term report presented; scrutiny asked for a deep dive on autism waiting times."],
    ],
  },
  // Finding 3: identification and assessment
  {
    ref: "3.1", title: "Commission additional autism assessment capacity to reduce waits",
    description: "Commission an additional independent provider and expand the trust's multidisciplinary team so that no child waits longer than 52 weeks by the revisit.",
    owner: "amara", lead: "nbIcb", partners: ["nbTrust"], start: -270, due: 90, status: "IN_PROGRESS", progress: 55,
    updates: [
      [190, "Additional provider commissioned for 600 assessments.", 20],
      [100, "Independent provider started; 140 assessments completed so far.", 35],
      [20, "Average wait now 73 weeks. Referrals up 18% on last year, so the longest waits are falling more slowly than planned."],
    ],
  },
  {
    ref: "3.2", title: "Launch a single neurodevelopmental pathway with 'support while you wait'",
    description: "One front door for autism and ADHD referrals, with a needs-led offer of support, advice and parent workshops that does not depend on a diagnosis.",
    owner: "amara", lead: "nbTrust", partners: ["nbIcb", "nbForum"], start: -200, due: 60, status: "IN_PROGRESS", progress: 75, co: "CO_DESIGNING",
    updates: [
      [160, "Pathway designed with the forum at two workshops; referral form simplified.", 25],
      [80, "Single front door opened. 'Support while you wait' workshops running monthly.", 50],
      [15, "Families' feedback on the workshops is positive (4.4 out of 5). Leaflet co-written with the forum published."],
    ],
  },
  {
    ref: "3.3", title: "Train early years and school staff to identify speech, language and communication needs early",
    description: "A rolling programme of training for early years settings and primary schools, led by the speech and language therapy service.",
    lead: "nbCouncil", partners: ["nbTrust", "nbRiverside"], start: -180, due: 180, status: "IN_PROGRESS", progress: 50,
  },
  {
    ref: "3.4", title: "Reduce waiting times for speech and language therapy",
    description: "Recruit to vacant therapist posts and introduce group and school-based sessions so that no child waits more than 18 weeks for a first appointment.",
    owner: "amara", lead: "nbTrust", partners: ["nbIcb"], start: -250, due: -10, status: "IN_PROGRESS", progress: 70,
    updates: [
      [160, "Three of five therapist vacancies filled.", 35],
      [45, "Longest wait down from 46 to 31 weeks; target of 18 weeks will be missed. Revised recovery plan to the board."],
    ],
  },
  {
    ref: "3.5", title: "Review the early help offer for children with emerging SEND",
    description: "Review how early help services support families before and during assessment, and agree changes with partners.",
    owner: "priya", lead: "nbCouncil", start: -100, due: 200, status: "DEFERRED", progress: 10,
    updates: [
      [80, "Scoping started with early help managers.", 10],
      [30, "Deferred by the improvement board until the council's family hubs restructure is decided; to be rescheduled next quarter."],
    ],
  },
  // Finding 4: inclusion, absence and suspensions
  {
    ref: "4.1", title: "Create an inclusion support team to work with schools at risk of suspending pupils with SEND",
    description: "A multi-disciplinary team that works with schools before a suspension or exclusion, offering advice, training and short-term outreach for pupils with SEND.",
    owner: "priya", lead: "nbCouncil", partners: ["nbRiverside", "nbAcademy"], start: -240, due: 120, status: "IN_PROGRESS", progress: 62,
    updates: [
      [170, "Team manager and two practitioners appointed.", 25],
      [90, "Team fully staffed and working with 14 schools.", 45],
      [18, "Worked with 31 pupils at risk of suspension this term; 26 remain in full-time education."],
    ],
  },
  {
    ref: "4.2", title: "Track part-time timetables and children with SEND missing education every week",
    description: "Every school notifies the council of any part-time timetable; the council reviews each one weekly with the school and the family, and reports numbers to the board.",
    owner: "tom", lead: "nbCouncil", partners: ["nbAcademy", "nbRiverside"], start: -150, due: 30, status: "IN_PROGRESS", progress: 45,
    updates: [
      [110, "Notification form sent to all schools; 62% of schools returned it in the first month.", 20],
      [52, "Weekly review meeting started, but the tracker does not yet cover academies outside the trust."],
    ],
  },
  {
    ref: "4.3", title: "Agree a fair access and managed moves protocol with all secondary schools",
    description: "A protocol, signed by every secondary headteacher, for managed moves and fair access placements that protects pupils with SEND.",
    owner: "priya", lead: "nbAcademy", partners: ["nbCouncil"], start: -120, due: 120, status: "IN_PROGRESS", progress: 40,
    updates: [
      [80, "Draft protocol discussed at the secondary heads' forum.", 20],
      [21, "Eleven of fourteen secondary schools have signed; three academies still to agree."],
    ],
  },
  {
    ref: "4.4", title: "Whole-school SEND inclusion training, with Riverside Primary as a hub",
    description: "Riverside Primary School becomes an inclusion hub, running training and open classrooms for other primary schools.",
    lead: "nbRiverside", partners: ["nbCouncil"], start: 14, due: 200, status: "NOT_STARTED", progress: 0, dependsOn: ["4.1"],
  },
  {
    ref: "4.5", title: "Open 40 additional resourced provision places in mainstream schools",
    description: "Work with schools to open resourced provision for autistic pupils and pupils with speech and language needs, closer to home.",
    owner: "priya", lead: "nbCouncil", partners: ["nbAcademy", "nbRiverside"], start: -300, due: -60, status: "COMPLETE", progress: 100,
    updates: [
      [210, "Capital funding confirmed for four schools.", 40],
      [120, "Two units open with 18 places.", 70],
      [64, "All 40 places open and filled from September."],
    ],
  },
  // Finding 5: co-production
  {
    ref: "5.1", title: "Co-produce a co-production charter with the parent carer forum",
    description: "Write with the forum a charter that defines co-production in Northbridge, built on the four cornerstones, and have it signed by every partner.",
    owner: "priya", lead: "nbForum", partners: ["nbCouncil", "nbIcb"], start: -320, due: -200, status: "COMPLETE", progress: 100, co: "CO_PRODUCING",
    updates: [
      [260, "Three charter workshops held, led by the forum.", 60],
      [205, "Charter signed by the council, the ICB, the trust and the forum; published on the Local Offer."],
    ],
  },
  {
    ref: "5.2", title: "Redesign the Local Offer website with families",
    description: "Rebuild the Local Offer website with parents, carers and young people so that families can find what they need in three clicks.",
    owner: "priya", lead: "nbCouncil", partners: ["nbForum"], start: -200, due: 90, status: "IN_PROGRESS", progress: 50, co: "CO_PRODUCING", dependsOn: ["5.1"],
    updates: [
      [150, "Family design group of 12 parents and 4 young people recruited with the forum.", 20],
      [60, "Prototype tested with 40 families; navigation rebuilt around their top ten questions.", 35],
      [14, "Content rewrite behind schedule: two of six sections finished."],
    ],
  },
  {
    ref: "5.3", title: "Run quarterly SEND surgeries with the parent carer forum",
    description: "Drop-in surgeries in each locality where families meet leaders from the council and health, run jointly with the forum, with a published 'you said, we did' after each.",
    owner: "priya", lead: "nbForum", partners: ["nbCouncil", "nbIcb"], start: -280, due: 170, status: "IN_PROGRESS", progress: 60, co: "CO_PRODUCING",
    updates: [
      [180, "First surgeries held in all four localities; 96 families attended.", 25],
      [90, "Second round held; themes fed to the improvement board.", 45],
      [8, "Third round held with 131 families; 'you said, we did' published."],
    ],
  },
  {
    ref: "5.4", title: "Involve young people in checking the quality of EHC plans",
    description: "Train a group of young inspectors to review anonymised EHC plans and tell leaders what good looks like from their point of view.",
    owner: "tom", lead: "nbCouncil", partners: ["nbForum"], start: -150, due: 120, status: "IN_PROGRESS", progress: 20, co: "CO_DESIGNING",
  },
  {
    ref: "5.5", title: "Publish termly 'you said, we did' updates for families",
    description: "Each term, publish in plain English what families told us, what we did about it and what we will have done by next term.",
    owner: "priya", lead: "nbCouncil", partners: ["nbForum"], start: -240, due: 120, status: "IN_PROGRESS", progress: 65, co: "ENGAGING", dependsOn: ["5.1"],
    updates: [
      [150, "First termly update published on the Local Offer.", 30],
      [26, "Second update published and sent to every family on the EHC caseload."],
    ],
  },
];

const EM_WSOA_FINDINGS: (FindingSpec & { judgement: "SUFFICIENT" | "NOT_SUFFICIENT" })[] = [
  {
    ref: "1", judgement: "NOT_SUFFICIENT",
    inspectorsWording:
      "The poor timeliness of EHC needs assessments and the variable quality of the resulting plans, which do not consistently identify children's and young people's needs or the outcomes to be achieved.",
    summary: "EHC needs assessments took too long and plans were often not good enough.",
  },
  {
    ref: "2", judgement: "NOT_SUFFICIENT",
    inspectorsWording:
      "The weak co-production with parents and carers, who do not feel that they are listened to or involved in decisions about services or about their own children's support.",
    summary: "Families were not listened to or involved in decisions, about services or about their own children.",
  },
  {
    ref: "3", judgement: "SUFFICIENT",
    inspectorsWording:
      "The underdeveloped joint commissioning arrangements between the local authority and the clinical commissioning group, which limit the range of provision available to meet needs.",
    summary: "The council and the NHS did not plan and buy services together.",
  },
];

const EM_APP_FINDINGS: FindingSpec[] = [
  {
    ref: "1",
    inspectorsWording:
      "At the revisit, inspectors found that leaders have not made sufficient progress in improving the timeliness of EHC needs assessments. The number of assessments completed within 20 weeks remains low and has not improved consistently, and too many plans still lack input from health and social care.",
    summary: "Families still wait too long for EHC plans. This is the top priority of the accelerated progress plan.",
  },
  {
    ref: "2",
    inspectorsWording:
      "At the revisit, inspectors found that leaders have not made sufficient progress in co-production. While the parent carer forum now attends strategic meetings, parents and carers continue to report that their views are not acted on, and there is no shared understanding of what co-production means in Eastmoor.",
    summary: "Families still do not feel they are equal partners. The plan sets out how the council and the NHS will work with the forum.",
  },
];

const EM_ACTIONS: ActionSpec[] = [
  {
    ref: "1.1", title: "Commission an external provider to clear the backlog of overdue assessments",
    description: "A time-limited contract to complete the 340 assessments open for more than 20 weeks, oldest first.",
    owner: "daniel", lead: "emCouncil", start: -150, due: 60, status: "IN_PROGRESS", progress: 70,
    updates: [
      [120, "Provider appointed; first 60 assessments allocated.", 30],
      [11, "212 of 340 backlog assessments completed."],
    ],
  },
  {
    ref: "1.2", title: "Recruit a permanent educational psychology team",
    description: "Replace agency educational psychologists with a permanent team, including two trainee posts.",
    owner: "daniel", lead: "emCouncil", start: -150, due: 120, status: "IN_PROGRESS", progress: 30,
    updates: [
      [90, "Recruitment campaign launched; market supplement agreed.", 15],
      [40, "Two of six posts filled; readvertising the rest."],
    ],
  },
  {
    ref: "1.3", title: "Weekly timeliness meeting chaired by the Director of Children's Services",
    description: "A weekly meeting to track every assessment approaching 20 weeks and unblock advice from partners.",
    owner: "daniel", lead: "emCouncil", partners: ["emIcb"], start: -140, due: 210, status: "IN_PROGRESS", progress: 35,
    updates: [[7, "Meeting running weekly; health advice now tracked alongside education advice."]],
  },
  {
    ref: "2.1", title: "Agree a co-production framework with Eastmoor Parent Carer Forum",
    description: "Agree with the forum what co-production means in Eastmoor and how it will be checked.",
    owner: "daniel", lead: "emForum", partners: ["emCouncil", "emIcb"], start: -150, due: -20, status: "IN_PROGRESS", progress: 80, co: "CO_DESIGNING",
    updates: [
      [100, "Two workshops held with the forum.", 40],
      [18, "Framework drafted but not yet signed off by the ICB; due date missed."],
    ],
  },
  {
    ref: "2.2", title: "Co-produce the Local Offer refresh with families",
    description: "Rewrite the Local Offer pages families use most, with a parent editorial group.",
    owner: "daniel", lead: "emCouncil", partners: ["emForum"], start: -100, due: 150, status: "IN_PROGRESS", progress: 40, co: "CO_PRODUCING",
    updates: [[16, "Parent editorial group formed and has rewritten the first four pages."]],
  },
  {
    ref: "2.3", title: "Establish a young people's SEND advisory group",
    description: "A paid advisory group of young people with SEND who review services and sit on the partnership board.",
    lead: "emCouncil", partners: ["emForum"], start: 20, due: 200, status: "NOT_STARTED", progress: 0,
  },
];

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------

type MeasureSpec = {
  ref: string;
  name: string;
  definition: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  source: string;
  owner: PersonKey;
  findings: string[];
  /** Months before today's month (1 = last month). Baseline at `baselineMonth`, target in the future (negative). */
  baseline: [month: number, value: number];
  benchmark?: [value: number, label: string, month: number];
  target: [month: number, value: number];
  milestones: [month: number, value: number][];
  /** Monthly values, oldest first, ending last month. */
  values: number[];
  provisional: number;
};

const NB_MEASURES: MeasureSpec[] = [
  {
    ref: "M1", name: "EHC plans issued within 20 weeks (excluding exceptions)",
    definition: "Of new EHC plans issued in the month, the percentage issued within 20 weeks of the request for assessment, excluding cases that meet the statutory exceptions. Same definition as the DfE SEN2 return.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Council EHC case records (SEN2 definition), validated against the annual SEN2 return",
    owner: "tom", findings: ["1"], baseline: [13, 4], benchmark: [50.3, "England average 2023", 18], target: [-6, 60],
    milestones: [[9, 15], [4, 35], [-2, 50]],
    values: [5, 7, 6, 10, 12, 15, 17, 21, 24, 26, 29, 31], provisional: 2,
  },
  {
    ref: "M2", name: "Annual reviews completed within timescale",
    definition: "Percentage of EHC plan annual reviews due in the month where the review meeting was held and the decision issued within four weeks of the meeting.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Council EHC case records",
    owner: "tom", findings: ["1", "2"], baseline: [13, 38], benchmark: [62, "Statistical neighbour average 2023", 18], target: [-6, 85],
    milestones: [[9, 50], [4, 65], [-2, 78]],
    values: [40, 43, 47, 50, 53, 57, 60, 63, 66, 69, 72, 75], provisional: 1,
  },
  {
    ref: "M3", name: "Average weeks waited for an autism assessment",
    definition: "Mean weeks from accepted referral to the start of assessment, for children and young people on the autism assessment waiting list at month end.",
    unit: "WEEKS", direction: "LOWER_IS_BETTER", source: "Northbridge Community Health NHS Trust waiting list, reported by the ICB",
    owner: "amara", findings: ["3"], baseline: [13, 86], benchmark: [52, "Statistical neighbour average 2023", 18], target: [-6, 40],
    milestones: [[9, 80], [4, 65], [-2, 50]],
    values: [87, 89, 90, 88, 86, 85, 83, 80, 78, 76, 74, 73], provisional: 1,
  },
  {
    ref: "M4", name: "Suspensions of pupils with an EHC plan",
    definition: "Suspensions of pupils with an EHC plan in Northbridge schools over the previous 12 months, per 100 pupils with an EHC plan.",
    unit: "RATE", direction: "LOWER_IS_BETTER", source: "School census and council exclusions team",
    owner: "priya", findings: ["4"], baseline: [13, 22.5], benchmark: [16.6, "England average 2022/23", 20], target: [-6, 15],
    milestones: [[9, 21], [4, 18.5], [-2, 16]],
    values: [22.6, 22.1, 21.8, 21.0, 20.6, 20.1, 19.5, 19.0, 18.6, 18.1, 17.6, 17.2], provisional: 2,
  },
  {
    ref: "M5", name: "Health advice returned within 6 weeks",
    definition: "Percentage of requests for health advice for EHC needs assessments returned within six weeks of the request.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "ICB health advice tracker",
    owner: "amara", findings: ["1", "3"], baseline: [13, 31], benchmark: [68, "Statistical neighbour average 2023", 18], target: [-6, 90],
    milestones: [[9, 50], [4, 70], [-2, 85]],
    values: [35, 41, 46, 52, 58, 62, 66, 70, 74, 78, 81, 84], provisional: 1,
  },
  {
    ref: "M6", name: "Parent carer confidence in the local offer (survey)",
    definition: "Percentage of parents and carers answering 'confident' or 'very confident' that they can find the support their child needs, in the forum's monthly pulse survey (about 120 responses a month).",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Northbridge Parent Carer Forum pulse survey",
    owner: "priya", findings: ["5", "2"], baseline: [13, 21], benchmark: [33, "National parent carer survey 2023", 18], target: [-6, 50],
    milestones: [[9, 28], [4, 36], [-2, 45]],
    values: [22, 23, 25, 27, 28, 30, 31, 33, 35, 36, 38, 39], provisional: 1,
  },
];

const EM_MEASURES: MeasureSpec[] = [
  {
    ref: "M1", name: "EHC plans issued within 20 weeks (excluding exceptions)",
    definition: "Of new EHC plans issued in the month, the percentage issued within 20 weeks, excluding exceptions (SEN2 definition).",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Council EHC case records (SEN2 definition)",
    owner: "daniel", findings: ["1"], baseline: [9, 18], benchmark: [50.3, "England average 2023", 18], target: [-7, 55],
    milestones: [[4, 32], [-2, 45]],
    values: [19, 21, 20, 24, 27, 29, 33, 36], provisional: 1,
  },
  {
    ref: "M2", name: "Parent carers who feel listened to (forum survey)",
    definition: "Percentage of parents and carers who agree that the council and the NHS listen to them and act on what they say, in the forum's monthly survey.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Eastmoor Parent Carer Forum survey",
    owner: "daniel", findings: ["2"], baseline: [9, 19], target: [-7, 45],
    milestones: [[4, 28], [-2, 38]],
    values: [20, 20, 22, 23, 22, 25, 26, 28], provisional: 1,
  },
];

// ---------------------------------------------------------------------------------------------
// Evidence (Northbridge)
// ---------------------------------------------------------------------------------------------

type EvidenceSpec = {
  on: { action: string } | { finding: string } | { measure: string };
  title: string;
  description: string;
  kind: EvidenceKind;
  url: string;
  visibility: Visibility;
  review: ReviewStatus;
  note?: string;
  ready?: boolean;
  by: PersonKey;
  /** Days ago it was added. */
  ago: number;
};

const NB_EVIDENCE: EvidenceSpec[] = [
  { on: { action: "1.1" }, title: "EHC coordinator recruitment tracker", description: "Posts, start dates and caseloads by coordinator.",
    kind: "ACTIVITY", url: "https://intranet.northbridge.example/send/ehc-recruitment-tracker", visibility: "INTERNAL", review: "ACCEPTED", by: "tom", ago: 60 },
  { on: { action: "1.5" }, title: "Weekly EHC timeliness dashboard", description: "The dashboard as presented to the improvement board.",
    kind: "ACTIVITY", url: "https://intranet.northbridge.example/send/ehc-timeliness-dashboard", visibility: "PARTNERS", review: "ACCEPTED", ready: true, by: "tom", ago: 150 },
  { on: { measure: "M1" }, title: "SEN2 extract: plans issued within 20 weeks, by quarter", description: "Validated extract used for the M1 figures.",
    kind: "IMPACT", url: "https://intranet.northbridge.example/send/sen2-timeliness-extract", visibility: "PARTNERS", review: "ACCEPTED", ready: true, by: "tom", ago: 35 },
  { on: { finding: "2" }, title: "Improvement board terms of reference and minutes", description: "Published terms of reference and the minutes of every meeting.",
    kind: "ACTIVITY", url: "https://www.northbridge.example/local-offer/send-improvement-board", visibility: "PUBLIC", review: "ACCEPTED", ready: true, by: "priya", ago: 240 },
  { on: { action: "2.3" }, title: "Signed data-sharing agreement (council, ICB and trust)", description: "",
    kind: "ACTIVITY", url: "https://intranet.northbridge.example/send/data-sharing-agreement", visibility: "INTERNAL", review: "PENDING", by: "priya", ago: 5 },
  { on: { action: "3.2" }, title: "Neurodevelopmental pathway leaflet for families", description: "Co-written with Northbridge Parent Carer Forum.",
    kind: "ACTIVITY", url: "https://www.northbridge.example/local-offer/neurodevelopmental-pathway", visibility: "PUBLIC", review: "ACCEPTED", by: "amara", ago: 15 },
  { on: { measure: "M3" }, title: "Autism assessment waiting list at month end", description: "Waiting list by weeks waited, from the trust.",
    kind: "IMPACT", url: "https://intranet.northbridge.example/send/autism-waiting-list", visibility: "INTERNAL", review: "PENDING", by: "amara", ago: 4 },
  { on: { action: "4.1" }, title: "Inclusion support team case studies", description: "Three case studies of pupils supported to stay in school.",
    kind: "IMPACT", url: "https://intranet.northbridge.example/send/inclusion-team-case-studies", visibility: "PARTNERS", review: "REJECTED",
    note: "Two case studies name pupils and their schools. Please anonymise them and add them again.", by: "priya", ago: 16 },
  { on: { action: "5.1" }, title: "Northbridge co-production charter (signed)", description: "The charter signed by every partner.",
    kind: "ACTIVITY", url: "https://www.northbridge.example/local-offer/co-production-charter", visibility: "PUBLIC", review: "ACCEPTED", ready: true, by: "priya", ago: 200 },
  { on: { measure: "M6" }, title: "Parent carer pulse survey: last quarter's results", description: "Summary of responses and comments.",
    kind: "IMPACT", url: "https://www.northbridge.example/local-offer/parent-carer-survey", visibility: "PUBLIC", review: "PENDING", by: "jo", ago: 10 },
  { on: { action: "5.3" }, title: "SEND surgeries: what families told us", description: "The forum's summary of the third round of surgeries.",
    kind: "IMPACT", url: "https://www.northbridgepcf.example/surgeries-summary", visibility: "PARTNERS", review: "PENDING", by: "jo", ago: 7 },
];

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

export type SeedResult = { created: false } | { created: true; counts: Record<string, number> };

/**
 * How a copy of the demo is told apart from the demo and from other copies: its areas' addresses
 * and codes, their names and the emails of their people carry `tag`. The global people (the
 * national team, the administrator) are shared, as they are in a real deployment.
 */
type Naming = {
  slug: (area: AreaKey) => string;
  laCode: (code: string) => string;
  name: (name: string) => string;
  email: (person: (typeof PEOPLE)[number]) => string;
};

const DEMO_NAMING: Naming = { slug: (area) => area, laCode: (code) => code, name: (name) => name, email: (person) => person.email };

const copyNaming = (tag: string): Naming => ({
  slug: (area) => `${area}-${tag}`,
  laCode: (code) => `${code}-${tag}`,
  name: (name) => `${name} ${tag.toUpperCase()}`,
  email: (person) => (person.globalRole ? person.email : person.email.replace("@", `+${tag}@`)),
});

/** A copy of the demo's two areas, for a test that changes them: their addresses, names and people. */
export type DemoCopy = {
  tag: string;
  northbridge: { slug: string; name: string };
  eastmoor: { slug: string; name: string };
  /** The demo's sign-in emails, keyed as DEMO_ACCOUNTS lists them (lead@northbridge.example), to the copy's. */
  emailOf: Record<string, string>;
};

let copyPasswordHash: Promise<string> | undefined;

/**
 * Builds a copy of the demo's two areas, with their own people (password DEMO_PASSWORD), plans,
 * evidence and history, beside whatever the database holds. `tag` is short, lower case letters
 * and digits, unique in the database. One transaction.
 */
export async function seedDemoCopy(db: PrismaClient, tag: string, today = new Date()): Promise<DemoCopy> {
  if (!/^[a-z0-9]{1,12}$/.test(tag)) throw new Error(`A demo copy's tag is 1 to 12 lower-case letters and digits, not "${tag}".`);
  const naming = copyNaming(tag);
  // argon2 is slow on purpose: hash once per process, not once per copy.
  copyPasswordHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await copyPasswordHash;
  // Global people come from the demo's own seed; create them here when the database has no demo.
  await db.$transaction((tx) => build(tx, today, passwordHash, naming), TX_OPTIONS);
  return {
    tag,
    northbridge: { slug: naming.slug("northbridge"), name: naming.name("Northbridge") },
    eastmoor: { slug: naming.slug("eastmoor"), name: naming.name("Eastmoor") },
    emailOf: Object.fromEntries(PEOPLE.map((p) => [p.email, naming.email(p)])),
  };
}

const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 };

/**
 * Seeds the demo unless the "northbridge" area exists already ({ created: false }). One transaction;
 * dates relative to `today`.
 */
export async function seedDemo(db: PrismaClient, today = new Date()): Promise<SeedResult> {
  if (await db.localArea.findUnique({ where: { slug: "northbridge" }, select: { id: true } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD); // outside the transaction: argon2 is slow on purpose
  return db.$transaction(async (tx) => {
    if (await tx.localArea.findUnique({ where: { slug: "northbridge" }, select: { id: true } })) return { created: false };
    return { created: true, counts: await build(tx, today, passwordHash, DEMO_NAMING) };
  }, TX_OPTIONS);
}

async function build(tx: Prisma.TransactionClient, today: Date, passwordHash: string, naming: Naming = DEMO_NAMING): Promise<Record<string, number>> {
  const d = (offset: number) => day(offset, today);
  /** A time of day on the day `daysAgo` days before today (09:00 UTC plus `minutes`). */
  const at = (daysAgo: number, minutes = 0) => new Date(d(-daysAgo).getTime() + (9 * 60 + minutes) * 60_000);
  /** The last day of the month `k` months before today's month (1 = last month, -6 = six months ahead). */
  const monthEnd = (k: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - k + 1, 0));

  // Areas
  const areas = await tx.localArea.createManyAndReturn({
    data: [
      { name: naming.name("Northbridge"), slug: naming.slug("northbridge"), laCode: naming.laCode("990"), region: "NORTH_WEST", publicPagePublished: true, publicPagePublishedAt: at(30),
        // How families reach the council's SEND team: the footer of its public pages names it.
        publicContactEmail: "send@northbridge.example", publicContactUrl: "https://www.northbridge.example/send/contact-us" },
      { name: naming.name("Eastmoor"), slug: naming.slug("eastmoor"), laCode: naming.laCode("991"), region: "YORKSHIRE_AND_THE_HUMBER" },
    ],
    select: { id: true, slug: true },
  });
  const areaId = (area: AreaKey) => areas.find((a) => a.slug === naming.slug(area))!.id;

  // Organisations. National bodies have no area, so the (area, name) key does not stop duplicates: reuse them.
  const national = ORGANISATIONS.filter((o) => o.area === null);
  const existingNational = await tx.organisation.findMany({
    where: { localAreaId: null, name: { in: national.map((o) => o.name) } },
    select: { id: true, name: true },
  });
  const created = await tx.organisation.createManyAndReturn({
    data: ORGANISATIONS.filter((o) => o.area !== null || !existingNational.some((e) => e.name === o.name)).map((o) => ({
      name: o.name, kind: o.kind, localAreaId: o.area ? areaId(o.area) : null,
    })),
    select: { id: true, name: true, localAreaId: true },
  });
  const orgIds = new Map<OrgKey, string>();
  for (const o of ORGANISATIONS) {
    const row = [...created, ...existingNational].find((r) => r.name === o.name);
    orgIds.set(o.key, row!.id);
  }
  const org = (k: OrgKey) => orgIds.get(k)!;

  // People: leave any existing account with a demo email as it is, but give it the demo memberships.
  await tx.user.createMany({
    data: PEOPLE.map((p) => ({
      email: naming.email(p), name: p.name, jobTitle: p.jobTitle, isDemo: true, passwordHash,
      globalRole: p.globalRole ?? null, organisationId: p.org ? org(p.org) : null, emailVerified: at(400),
    })),
    skipDuplicates: true,
  });
  const users = await tx.user.findMany({ where: { email: { in: PEOPLE.map(naming.email) } }, select: { id: true, email: true } });
  const userId = (k: PersonKey) => users.find((u) => u.email === naming.email(PEOPLE.find((p) => p.key === k)!))!.id;
  const memberships = await tx.membership.createMany({
    data: PEOPLE.flatMap((p) => p.memberships.map(([area, role]) => ({ userId: userId(p.key), localAreaId: areaId(area), role }))),
    skipDuplicates: true,
  });

  // Inspections
  const nb = areaId("northbridge");
  const em = areaId("eastmoor");
  const ofsted = "https://reports.ofsted.gov.uk/provider/44";
  const inspections = await tx.inspection.createManyAndReturn({
    data: [
      { localAreaId: nb, framework: "FRAMEWORK_2016", kind: "FULL", startDate: d(-425), endDate: d(-421), publishedDate: d(-395),
        outcome: "WSOA_REQUIRED", reportUrl: `${ofsted}/northbridge-local-area-send-inspection-outcome-letter` },
      { localAreaId: nb, framework: "FRAMEWORK_2016", kind: "REVISIT", expectedDate: d(150), dateIsEstimate: true },
      { localAreaId: em, framework: "FRAMEWORK_2016", kind: "FULL", startDate: d(-1095), endDate: d(-1091), publishedDate: d(-1060),
        outcome: "WSOA_REQUIRED", reportUrl: `${ofsted}/eastmoor-local-area-send-inspection-outcome-letter` },
      { localAreaId: em, framework: "FRAMEWORK_2016", kind: "REVISIT", startDate: d(-244), endDate: d(-240), publishedDate: d(-215),
        reportUrl: `${ofsted}/eastmoor-local-area-send-revisit-letter` },
      { localAreaId: em, framework: "FRAMEWORK_2016", kind: "REVISIT", expectedDate: d(210), dateIsEstimate: true },
    ],
    select: { id: true },
  });
  const [nbFull, nbRevisit, emFull, emRevisit, emNext] = inspections.map((i) => i.id) as [string, string, string, string, string];
  const emRevisitUrl = `${ofsted}/eastmoor-local-area-send-revisit-letter`;

  // Plans
  const nbPlan = await tx.plan.create({
    data: { localAreaId: nb, type: "WSOA", title: "Northbridge Written Statement of Action", status: "ACTIVE",
      sourceInspectionId: nbFull, followUpInspectionId: nbRevisit, submittedDate: d(-320), acceptedDate: d(-300), updateCadenceDays: 30,
      createdAt: at(340) },
    select: { id: true },
  });
  const emWsoa = await tx.plan.create({
    data: { localAreaId: em, type: "WSOA", title: "Eastmoor Written Statement of Action", status: "SUPERSEDED",
      sourceInspectionId: emFull, followUpInspectionId: emRevisit, submittedDate: d(-990), acceptedDate: d(-960), createdAt: at(1000) },
    select: { id: true },
  });
  const emApp = await tx.plan.create({
    data: { localAreaId: em, type: "APP", title: "Eastmoor Accelerated Progress Plan", status: "ACTIVE", predecessorId: emWsoa.id,
      sourceInspectionId: emRevisit, followUpInspectionId: emNext, submittedDate: d(-180), acceptedDate: d(-150), updateCadenceDays: 30,
      createdAt: at(190) },
    select: { id: true },
  });

  // Findings
  const firstFindings = await tx.finding.createManyAndReturn({
    data: [
      ...NB_FINDINGS.map((f, i) => ({ ...f, localAreaId: nb, planId: nbPlan.id, kind: "SIGNIFICANT_WEAKNESS" as const, sortOrder: i + 1, createdAt: at(340) })),
      ...EM_WSOA_FINDINGS.map((f, i) => ({
        ...f, localAreaId: em, planId: emWsoa.id, kind: "SIGNIFICANT_WEAKNESS" as const, sortOrder: i + 1, createdAt: at(1000),
        judgementDate: d(-240), judgementSource: emRevisitUrl, judgementInspectionId: emRevisit,
      })),
    ],
    select: { id: true, planId: true, ref: true },
  });
  const appFindings = await tx.finding.createManyAndReturn({
    data: EM_APP_FINDINGS.map((f, i) => ({
      ...f, localAreaId: em, planId: emApp.id, kind: "SIGNIFICANT_WEAKNESS" as const, sortOrder: i + 1, createdAt: at(190),
      predecessorId: firstFindings.find((p) => p.planId === emWsoa.id && p.ref === f.ref)!.id,
    })),
    select: { id: true, planId: true, ref: true },
  });
  const findings = [...firstFindings, ...appFindings];
  const findingId = (planId: string, ref: string) => findings.find((f) => f.planId === planId && f.ref === ref)!.id;

  // Actions, their updates, partners and dependencies
  const plans = [
    { planId: nbPlan.id, localAreaId: nb, specs: NB_ACTIONS, lead: "priya" as PersonKey, createdDaysAgo: 334 },
    { planId: emApp.id, localAreaId: em, specs: EM_ACTIONS, lead: "daniel" as PersonKey, createdDaysAgo: 185 },
  ];
  const latestAt = (s: ActionSpec) => (s.updates?.length ? at(s.updates[s.updates.length - 1]![0], 30) : null);
  const actionRows = plans.flatMap(({ planId, localAreaId, specs, createdDaysAgo }) =>
    specs.map((s, i) => ({
      localAreaId, findingId: findingId(planId, s.ref.split(".")[0]!), ref: s.ref, title: s.title, description: s.description,
      ownerId: s.owner ? userId(s.owner) : null, leadOrganisationId: org(s.lead),
      startDate: d(s.start), dueDate: d(s.due), status: s.status, progress: s.progress,
      completedAt: s.status === "COMPLETE" ? latestAt(s) : null,
      ragOverride: s.override?.rag ?? null, ragOverrideReason: s.override?.reason ?? null,
      coproductionLevel: s.co ?? null, lastUpdateAt: latestAt(s), sortOrder: i + 1, createdAt: at(createdDaysAgo),
      // Last changed by its latest update (or when it was written), not when the demo was seeded.
      updatedAt: latestAt(s) ?? at(createdDaysAgo),
    })),
  );
  const actions = await tx.action.createManyAndReturn({ data: actionRows, select: { id: true, findingId: true, ref: true } });
  const actionId = (planId: string, ref: string) => {
    const fid = findingId(planId, ref.split(".")[0]!);
    return actions.find((a) => a.findingId === fid && a.ref === ref)!.id;
  };

  const updateRows: Prisma.ActionUpdateCreateManyInput[] = [];
  for (const { planId, specs, lead } of plans) {
    const leadId = userId(lead);
    for (const s of specs) {
      const ups = s.updates ?? [];
      ups.forEach(([ago, narrative, p], i) => {
        const last = i === ups.length - 1;
        const progress = last ? s.progress : (p ?? Math.round((s.progress * (i + 1)) / ups.length));
        const authorId = s.owner ? userId(s.owner) : leadId;
        // The lead has acknowledged other people's updates older than a fortnight; the newest await.
        const acknowledged = ago >= 14 && authorId !== leadId;
        updateRows.push({
          actionId: actionId(planId, s.ref), authorId, narrative, progress,
          status: last ? s.status : progress > 0 ? "IN_PROGRESS" : "NOT_STARTED",
          ragOverride: last ? (s.override?.rag ?? null) : null, ragOverrideReason: last ? (s.override?.reason ?? null) : null,
          createdAt: at(ago, 30),
          acknowledgedById: acknowledged ? leadId : null, acknowledgedAt: acknowledged ? at(ago - 2, 120) : null,
        });
      });
    }
  }
  await tx.actionUpdate.createMany({ data: updateRows });

  let links = 0;
  for (const { planId, specs, createdDaysAgo } of plans) {
    for (const s of specs) {
      if (!s.partners?.length && !s.dependsOn?.length) continue;
      links += (s.partners?.length ?? 0) + (s.dependsOn?.length ?? 0);
      await tx.action.update({
        where: { id: actionId(planId, s.ref) },
        data: {
          partnerOrganisations: { connect: (s.partners ?? []).map((k) => ({ id: org(k) })) },
          dependsOn: { connect: (s.dependsOn ?? []).map((ref) => ({ id: actionId(planId, ref) })) },
          updatedAt: latestAt(s) ?? at(createdDaysAgo),
        },
        select: { id: true },
      });
    }
  }

  // Measures, with their trajectories and monthly values
  const measureIds = new Map<string, string>();
  let milestoneCount = 0;
  let valueCount = 0;
  for (const { planId, localAreaId, specs } of [
    { planId: nbPlan.id, localAreaId: nb, specs: NB_MEASURES },
    { planId: emApp.id, localAreaId: em, specs: EM_MEASURES },
  ]) {
    for (const m of specs) {
      const ownerId = userId(m.owner);
      const n = m.values.length;
      milestoneCount += m.milestones.length;
      valueCount += n;
      const row = await tx.measure.create({
        data: {
          localAreaId, planId, ref: m.ref, name: m.name, definition: m.definition, unit: m.unit, direction: m.direction, source: m.source,
          ownerId, baselineValue: m.baseline[1], baselineDate: monthEnd(m.baseline[0]),
          benchmarkValue: m.benchmark?.[0] ?? null, benchmarkLabel: m.benchmark?.[1] ?? null,
          benchmarkDate: m.benchmark ? monthEnd(m.benchmark[2]) : null,
          targetValue: m.target[1], targetDate: monthEnd(m.target[0]),
          findings: { connect: m.findings.map((ref) => ({ id: findingId(planId, ref) })) },
          milestones: { createMany: { data: m.milestones.map(([k, v]) => ({ date: monthEnd(k), targetValue: v })) } },
          values: {
            createMany: {
              data: m.values.map((value, i) => {
                const k = n - i; // months before this month
                const provisional = i >= n - m.provisional;
                return {
                  periodEnd: monthEnd(k), value, status: provisional ? ("PROVISIONAL" as const) : ("VALIDATED" as const),
                  note: provisional ? "Provisional: awaiting validation." : null, enteredById: ownerId,
                  createdAt: new Date(Math.min(monthEnd(k).getTime() + 10 * 86_400_000, at(1).getTime())),
                };
              }),
            },
          },
          createdAt: at(planId === nbPlan.id ? 334 : 185),
        },
        select: { id: true },
      });
      measureIds.set(`${planId}:${m.ref}`, row.id);
    }
  }

  // Evidence (Northbridge)
  const priya = userId("priya");
  await tx.evidence.createMany({
    data: NB_EVIDENCE.map((e) => ({
      localAreaId: nb,
      actionId: "action" in e.on ? actionId(nbPlan.id, e.on.action) : null,
      findingId: "finding" in e.on ? findingId(nbPlan.id, e.on.finding) : null,
      measureId: "measure" in e.on ? measureIds.get(`${nbPlan.id}:${e.on.measure}`)! : null,
      title: e.title, description: e.description, kind: e.kind, url: e.url, storageKey: null, visibility: e.visibility,
      reviewStatus: e.review, reviewedById: e.review === "PENDING" ? null : priya,
      reviewedAt: e.review === "PENDING" ? null : at(Math.max(1, e.ago - 3), 240),
      reviewNote: e.note ?? null, readyForInspectors: e.ready ?? false, uploadedById: userId(e.by), createdAt: at(e.ago, 60),
    })),
  });

  // The forum's voice and the adviser's monitoring (Northbridge). Verdicts are append-only: a
  // later verdict names the one it supersedes.
  const jo = userId("jo");
  const verdict = (
    on: { action: string } | { finding: string },
    v: Omit<Prisma.ForumVerdictCreateManyInput, "localAreaId" | "authorId" | "actionId" | "findingId">,
  ): Prisma.ForumVerdictCreateManyInput => ({
    localAreaId: nb,
    authorId: jo,
    actionId: "action" in on ? actionId(nbPlan.id, on.action) : null,
    findingId: "finding" in on ? findingId(nbPlan.id, on.finding) : null,
    ...v,
  });
  await tx.forumVerdict.create({
    data: verdict({ action: "5.1" }, {
      verdict: "AGREE", levelRecognised: "CO_PRODUCING",
      cornerstonesMet: ["WELCOME_AND_CARE", "VALUE_AND_INCLUDE", "COMMUNICATE", "WORK_IN_PARTNERSHIP"],
      text: "We wrote the charter together, as equals, and every partner signed it. This is what co-production should feel like.",
      isPublic: true, createdAt: at(190, 120),
    }),
  });
  const localOfferFirst = await tx.forumVerdict.create({
    data: verdict({ action: "5.2" }, {
      verdict: "AGREE_WITH_COMMENTS", levelRecognised: "CO_DESIGNING", cornerstonesMet: ["WELCOME_AND_CARE", "COMMUNICATE"],
      text: "Families helped design the new Local Offer pages, but the search still does not find short breaks.",
      isPublic: false, createdAt: at(120, 90),
    }),
    select: { id: true },
  });
  await tx.forumVerdict.createMany({
    data: [
      verdict({ action: "5.2" }, {
        verdict: "DISAGREE", levelRecognised: "CONSULTING", cornerstonesMet: ["WELCOME_AND_CARE"],
        text: "The council calls this co-production, but the last two design sessions were cancelled at short notice and the new pages went live without families seeing them. That is consultation at best.",
        isPublic: true, supersedesId: localOfferFirst.id, createdAt: at(12, 60),
      }),
      verdict({ action: "3.2" }, {
        verdict: "AGREE_WITH_COMMENTS", levelRecognised: "CO_DESIGNING", cornerstonesMet: ["VALUE_AND_INCLUDE", "WORK_IN_PARTNERSHIP"],
        text: "The 'support while you wait' leaflet is good and parents helped write it. Families still tell us they do not know who to call while they wait.",
        isPublic: true, createdAt: at(20, 30),
      }),
      verdict({ finding: "5" }, {
        verdict: "AGREE_WITH_COMMENTS", levelRecognised: "ENGAGING", cornerstonesMet: ["WELCOME_AND_CARE", "COMMUNICATE"],
        text: "Relationships are much better than at the inspection. Families are not yet equal partners in every service.",
        isPublic: true, createdAt: at(25, 45),
      }),
    ],
  });

  // What was done with families, behind each action that claims co-production: the claims rest on
  // these records, and the forum's verdicts above judge them (on 5.2 it disagrees: the records stop
  // at design, the pages went live without families).
  const coproduced = (planId: string, localAreaId: string, ref: string, recordedBy: string) =>
    (r: Omit<Prisma.CoproductionRecordCreateManyInput, "localAreaId" | "actionId" | "recordedById">): Prisma.CoproductionRecordCreateManyInput =>
      ({ localAreaId, actionId: actionId(planId, ref), recordedById: recordedBy, ...r });
  const nb51 = coproduced(nbPlan.id, nb, "5.1", priya);
  const nb52 = coproduced(nbPlan.id, nb, "5.2", priya);
  const nb53 = coproduced(nbPlan.id, nb, "5.3", priya);
  const em22 = coproduced(emApp.id, em, "2.2", userId("daniel"));
  await tx.coproductionRecord.createMany({
    data: [
      nb51({ stage: "DEFINE", involved: ["PARENT_CARER_FORUM"], familiesReached: 18, date: d(-262), createdAt: at(260),
        note: "First of three charter workshops, led by the forum: what co-production means to families here." }),
      nb51({ stage: "DESIGN", involved: ["PARENT_CARER_FORUM", "YOUNG_PEOPLES_GROUP"], familiesReached: 22, date: d(-230), createdAt: at(228),
        note: "Charter drafted line by line with forum members and the young people's group." }),
      nb51({ stage: "REVIEW", involved: ["PARENT_CARER_FORUM", "SENDIASS"], date: d(-207), createdAt: at(205),
        note: "Final wording agreed with the forum before every partner signed." }),
      nb52({ stage: "DEFINE", involved: ["PARENT_CARER_FORUM", "YOUNG_PEOPLES_GROUP"], familiesReached: 16, date: d(-152), createdAt: at(150),
        note: "Family design group of 12 parents and 4 young people set the ten questions the site must answer." }),
      nb52({ stage: "DESIGN", involved: ["PARENT_CARER_FORUM"], familiesReached: 40, date: d(-62), createdAt: at(60),
        note: "Prototype tested with 40 families; navigation rebuilt around their top ten questions." }),
      nb53({ stage: "DELIVER", involved: ["PARENT_CARER_FORUM"], familiesReached: 96, date: d(-182), createdAt: at(180),
        note: "First round of surgeries in all four localities, run jointly with the forum." }),
      nb53({ stage: "DELIVER", involved: ["PARENT_CARER_FORUM", "SENDIASS"], familiesReached: 131, date: d(-10), createdAt: at(8),
        note: "Third round; the forum chaired each surgery and wrote up the themes." }),
      nb53({ stage: "REVIEW", involved: ["PARENT_CARER_FORUM"], date: d(-8), createdAt: at(8, 10),
        note: "'You said, we did' for the third round agreed with the forum before publication." }),
      em22({ stage: "DESIGN", involved: ["PARENT_CARER_FORUM"], familiesReached: 8, date: d(-17), createdAt: at(16),
        note: "Parent editorial group rewrote the first four Local Offer pages." }),
    ],
  });

  const martin = userId("martin");
  await tx.adviserNote.createMany({
    data: [
      { localAreaId: nb, findingId: null, authorId: martin, view: "AT_RISK", date: d(-40), createdAt: at(40),
        note: "Stocktake with the improvement board. Governance is much stronger; EHC timeliness is improving but from a low base. Impact evidence for areas 3 and 4 is thin." },
      { localAreaId: nb, findingId: findingId(nbPlan.id, "1"), authorId: martin, view: "AT_RISK", date: d(-40), createdAt: at(40, 5),
        note: "20-week timeliness is rising but still below the trajectory. Quality assurance of plans needs to show impact, not just audits completed." },
      { localAreaId: nb, findingId: findingId(nbPlan.id, "2"), authorId: martin, view: "LIKELY_SUFFICIENT", date: d(-40), createdAt: at(40, 10),
        note: "The board, the shared dataset and termly reporting are in place and used. Likely to be judged sufficient if sustained." },
      { localAreaId: nb, findingId: findingId(nbPlan.id, "4"), authorId: martin, view: "UNLIKELY", date: d(-18), createdAt: at(18),
        note: "Suspensions of children with SEND have not fallen and part-time timetables are still not tracked in every school." },
    ],
  });

  await tx.comment.createMany({
    data: [
      { localAreaId: nb, actionId: actionId(nbPlan.id, "1.4"), authorId: priya, visibility: "INTERNAL", createdAt: at(9, 30),
        body: "Supplier has missed the data migration date twice; escalated to the Director. Do not share outside the partnership yet." },
      { localAreaId: nb, actionId: actionId(nbPlan.id, "5.2"), authorId: jo, visibility: "WITH_FORUM", createdAt: at(11, 30),
        body: "Can we have the date of the next design session before the end of the month, please?" },
      { localAreaId: nb, findingId: findingId(nbPlan.id, "4"), authorId: martin, visibility: "INTERNAL", createdAt: at(17, 15),
        body: "Please bring the suspensions data by school to the next monitoring meeting." },
    ],
  });

  await tx.youSaidWeDid.createMany({
    data: [
      { localAreaId: nb, findingId: findingId(nbPlan.id, "5"), date: d(-60), published: true, publishedAt: at(58), draftedById: jo,
        youSaid: "The Local Offer website was hard to use and we could not find out what help there is.",
        weDid: "We are rebuilding the Local Offer with families. The first new pages about short breaks and EHC plans went live in the spring." },
      { localAreaId: nb, findingId: findingId(nbPlan.id, "3"), date: d(-30), published: true, publishedAt: at(28), draftedById: priya,
        youSaid: "Waiting two years for an autism assessment with no help in the meantime is not acceptable.",
        weDid: "We have commissioned extra assessment capacity and started 'support while you wait' sessions, written with parents." },
      { localAreaId: nb, findingId: findingId(nbPlan.id, "1"), date: d(-5), published: false, publishedAt: null, draftedById: jo,
        youSaid: "Annual reviews of EHC plans are still being missed.",
        weDid: "Draft: the council to add the number of overdue annual reviews to the weekly dashboard." },
    ],
  });

  return {
    areas: areas.length,
    organisations: created.length,
    users: users.length,
    memberships: memberships.count,
    inspections: inspections.length,
    plans: 3,
    findings: findings.length,
    actions: actions.length,
    actionUpdates: updateRows.length,
    actionLinks: links,
    measures: measureIds.size,
    milestones: milestoneCount,
    measureValues: valueCount,
    evidence: NB_EVIDENCE.length,
    forumVerdicts: 5,
    adviserNotes: 4,
    comments: 3,
    youSaidWeDid: 3,
  };
}
