/**
 * The words the national data generator (prisma/national-data.ts) draws on: England's 153
 * upper-tier local authorities with their DfE codes and regions, and the findings, actions,
 * measures and narratives typical of WSOAs, APPs and priority action plans. Plain data, no logic
 * beyond filling in a name.
 */
import type { MeasureDirection, MeasureUnit, Region } from "../server/generated/prisma/enums";

export type Council = { name: string; laCode: string; region: Region; councilName?: string };

const county = (name: string) => `${name} County Council`;

/** Every upper-tier local authority in England (2023 boundaries), by region. */
export const COUNCILS: Council[] = [
  // North East
  ...([
    ["Gateshead", "390"], ["Newcastle upon Tyne", "391"], ["North Tyneside", "392"], ["South Tyneside", "393"], ["Sunderland", "394"],
    ["Hartlepool", "805"], ["Middlesbrough", "806"], ["Redcar and Cleveland", "807"], ["Stockton-on-Tees", "808"], ["County Durham", "840"],
    ["Darlington", "841"], ["Northumberland", "929"],
  ] as const).map(([name, laCode]) => ({ name, laCode, region: "NORTH_EAST" as const })),
  // North West
  ...([
    ["Knowsley", "340"], ["Liverpool", "341"], ["St Helens", "342"], ["Sefton", "343"], ["Wirral", "344"], ["Bolton", "350"], ["Bury", "351"],
    ["Manchester", "352"], ["Oldham", "353"], ["Rochdale", "354"], ["Salford", "355"], ["Stockport", "356"], ["Tameside", "357"],
    ["Trafford", "358"], ["Wigan", "359"], ["Halton", "876"], ["Warrington", "877"], ["Lancashire", "888", county("Lancashire")],
    ["Blackburn with Darwen", "889"], ["Blackpool", "890"], ["Cheshire East", "895"], ["Cheshire West and Chester", "896"],
    ["Cumberland", "942"], ["Westmorland and Furness", "943"],
  ] as const).map(([name, laCode, councilName]) => ({ name, laCode, region: "NORTH_WEST" as const, councilName })),
  // Yorkshire and the Humber
  ...([
    ["Barnsley", "370"], ["Doncaster", "371"], ["Rotherham", "372"], ["Sheffield", "373"], ["Bradford", "380"], ["Calderdale", "381"],
    ["Kirklees", "382"], ["Leeds", "383"], ["Wakefield", "384"], ["Kingston upon Hull", "810"], ["East Riding of Yorkshire", "811"],
    ["North East Lincolnshire", "812"], ["North Lincolnshire", "813"], ["North Yorkshire", "815"], ["York", "816"],
  ] as const).map(([name, laCode]) => ({ name, laCode, region: "YORKSHIRE_AND_THE_HUMBER" as const })),
  // East Midlands
  ...([
    ["Derbyshire", "830", county("Derbyshire")], ["Derby", "831"], ["Leicestershire", "855", county("Leicestershire")], ["Leicester", "856"],
    ["Rutland", "857"], ["Nottinghamshire", "891", county("Nottinghamshire")], ["Nottingham", "892"],
    ["Lincolnshire", "925", county("Lincolnshire")], ["North Northamptonshire", "940"], ["West Northamptonshire", "941"],
  ] as const).map(([name, laCode, councilName]) => ({ name, laCode, region: "EAST_MIDLANDS" as const, councilName })),
  // West Midlands
  ...([
    ["Birmingham", "330"], ["Coventry", "331"], ["Dudley", "332"], ["Sandwell", "333"], ["Solihull", "334"], ["Walsall", "335"],
    ["Wolverhampton", "336"], ["Staffordshire", "860", county("Staffordshire")], ["Stoke-on-Trent", "861"], ["Herefordshire", "884"],
    ["Worcestershire", "885", county("Worcestershire")], ["Shropshire", "893"], ["Telford and Wrekin", "894"],
    ["Warwickshire", "937", county("Warwickshire")],
  ] as const).map(([name, laCode, councilName]) => ({ name, laCode, region: "WEST_MIDLANDS" as const, councilName })),
  // East of England
  ...([
    ["Luton", "821"], ["Bedford", "822"], ["Central Bedfordshire", "823"], ["Cambridgeshire", "873", county("Cambridgeshire")],
    ["Peterborough", "874"], ["Essex", "881", county("Essex")], ["Southend-on-Sea", "882"], ["Thurrock", "883"],
    ["Hertfordshire", "919", county("Hertfordshire")], ["Norfolk", "926", county("Norfolk")], ["Suffolk", "935", county("Suffolk")],
  ] as const).map(([name, laCode, councilName]) => ({ name, laCode, region: "EAST_OF_ENGLAND" as const, councilName })),
  // London
  ...([
    ["City of London", "201", "City of London Corporation"], ["Camden", "202"], ["Greenwich", "203", "Royal Borough of Greenwich"],
    ["Hackney", "204"], ["Hammersmith and Fulham", "205"], ["Islington", "206"],
    ["Kensington and Chelsea", "207", "Royal Borough of Kensington and Chelsea"], ["Lambeth", "208"], ["Lewisham", "209"],
    ["Southwark", "210"], ["Tower Hamlets", "211"], ["Wandsworth", "212"], ["Westminster", "213", "Westminster City Council"],
    ["Barking and Dagenham", "301"], ["Barnet", "302"], ["Bexley", "303"], ["Brent", "304"], ["Bromley", "305"], ["Croydon", "306"],
    ["Ealing", "307"], ["Enfield", "308"], ["Haringey", "309"], ["Harrow", "310"], ["Havering", "311"], ["Hillingdon", "312"],
    ["Hounslow", "313"], ["Kingston upon Thames", "314", "Royal Borough of Kingston upon Thames"], ["Merton", "315"], ["Newham", "316"],
    ["Redbridge", "317"], ["Richmond upon Thames", "318"], ["Sutton", "319"], ["Waltham Forest", "320"],
  ] as const).map(([name, laCode, councilName]) => ({
    name, laCode, region: "LONDON" as const, councilName: councilName ?? `London Borough of ${name}`,
  })),
  // South East
  ...([
    ["Buckinghamshire", "825"], ["Milton Keynes", "826"], ["East Sussex", "845", county("East Sussex")], ["Brighton and Hove", "846"],
    ["Hampshire", "850", county("Hampshire")], ["Portsmouth", "851"], ["Southampton", "852"], ["Bracknell Forest", "867"],
    ["Windsor and Maidenhead", "868", "Royal Borough of Windsor and Maidenhead"], ["West Berkshire", "869"], ["Reading", "870"],
    ["Slough", "871"], ["Wokingham", "872"], ["Kent", "886", county("Kent")], ["Medway", "887"], ["Isle of Wight", "921"],
    ["Oxfordshire", "931", county("Oxfordshire")], ["Surrey", "936", county("Surrey")], ["West Sussex", "938", county("West Sussex")],
  ] as const).map(([name, laCode, councilName]) => ({ name, laCode, region: "SOUTH_EAST" as const, councilName })),
  // South West
  ...([
    ["Bath and North East Somerset", "800"], ["Bristol", "801", "Bristol City Council"], ["North Somerset", "802"],
    ["South Gloucestershire", "803"], ["Dorset", "838"], ["Bournemouth, Christchurch and Poole", "839"], ["Wiltshire", "865"],
    ["Swindon", "866"], ["Devon", "878", county("Devon")], ["Plymouth", "879"], ["Torbay", "880"], ["Cornwall", "908"],
    ["Gloucestershire", "916", county("Gloucestershire")], ["Isles of Scilly", "420"], ["Somerset", "933"],
  ] as const).map(([name, laCode, councilName]) => ({ name, laCode, region: "SOUTH_WEST" as const, councilName })),
];

/** Names for areas beyond the real list: "Kent North", "Leeds South", ... */
export const EXTRA_AREA_SUFFIXES = ["North", "South", "East", "West", "Central", "Vale", "Coast", "Downs"];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export const FIRST_NAMES = [
  "Aisha", "Alan", "Amy", "Andrew", "Anita", "Ben", "Bethan", "Carl", "Catherine", "Chloe", "Claire", "Darren", "David", "Deborah",
  "Emma", "Fatima", "Gareth", "Grace", "Hannah", "Harjit", "Ian", "Imran", "Jane", "Jason", "Joanne", "Karen", "Kwame", "Laura",
  "Lee", "Lucy", "Mandeep", "Mark", "Michelle", "Nadia", "Natalie", "Neil", "Olivia", "Paul", "Rachel", "Rebecca", "Richard",
  "Ruth", "Sadia", "Sarah", "Simon", "Sophie", "Stephen", "Tariq", "Vicky", "Yusuf",
];

export const SURNAMES = [
  "Ahmed", "Akhtar", "Allen", "Bailey", "Bennett", "Brown", "Campbell", "Carter", "Chapman", "Clarke", "Davies", "Edwards", "Evans",
  "Fletcher", "Green", "Hall", "Harris", "Hill", "Hussain", "Jackson", "James", "Jones", "Kaur", "Khan", "Lewis", "Marshall",
  "Mensah", "Mitchell", "Moore", "Morris", "Nowak", "O'Brien", "Owen", "Patel", "Phillips", "Roberts", "Robinson", "Singh", "Smith",
  "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wright",
];

/** The people every generated area has: the address before @ is fixed so that benchmarks can sign in as them. */
export const AREA_PEOPLE = [
  { mailbox: "lead", role: "LEAD", org: "council", jobTitle: "Head of SEND", owns: 2 },
  { mailbox: "owner", role: "CONTRIBUTOR", org: "council", jobTitle: "EHC Team Manager", owns: 3 },
  { mailbox: "dco", role: "CONTRIBUTOR", org: "icb", jobTitle: "Designated Clinical Officer for SEND", owns: 2 },
  { mailbox: "psychology", role: "CONTRIBUTOR", org: "council", jobTitle: "Principal Educational Psychologist", owns: 2 },
  { mailbox: "inclusion", role: "CONTRIBUTOR", org: "council", jobTitle: "Head of Inclusion", owns: 2 },
  { mailbox: "commissioning", role: "CONTRIBUTOR", org: "icb", jobTitle: "SEND Joint Commissioning Manager", owns: 1 },
  { mailbox: "forum", role: "FORUM", org: "forum", jobTitle: "Chair, Parent Carer Forum", owns: 0 },
  { mailbox: "viewer", role: "VIEWER", org: "council", jobTitle: "Lead Member for Children's Services", owns: 0 },
] as const;

// ---------------------------------------------------------------------------------------------
// Findings and their actions
// ---------------------------------------------------------------------------------------------

export type Theme = {
  key: string;
  /** Short, for sentences: "EHC plan timeliness". */
  label: string;
  /** 2016 framework: the area of significant weakness as a letter words it. */
  weakness: string;
  /** 2023 framework: what leaders "should" do (after "Leaders across education, health and care should"). */
  should: string;
  summary: string;
  actions: string[];
};

export const THEMES: Theme[] = [
  {
    key: "ehc", label: "EHC plan timeliness and quality",
    weakness: "The timeliness and quality of education, health and care (EHC) plans. Too few EHC plans are issued within 20 weeks, and plans do not capture children's and young people's needs and aspirations well enough.",
    should: "improve the timeliness and quality of EHC plans so that children's needs are assessed and met without delay",
    summary: "Families wait too long for education, health and care (EHC) plans, and too many plans do not describe their child well.",
    actions: [
      "Recruit additional EHC coordinators to bring caseloads below 120", "Clear the backlog of overdue EHC needs assessments",
      "Introduce a multi-agency quality assurance framework for EHC plans", "Agree timescales for health and social care advice",
      "Set up a weekly EHC timeliness tracker shared with partners", "Train EHC coordinators in person-centred plan writing",
      "Commission additional educational psychology capacity", "Introduce a family portal showing where each assessment is",
    ],
  },
  {
    key: "leadership", label: "strategic leadership and governance",
    weakness: "Leaders' strategic oversight of the local area's arrangements for children and young people with SEND. Leaders do not share an accurate understanding of the area's strengths and weaknesses, and governance is unclear.",
    should: "establish shared, effective governance of the SEND partnership and use performance information to check the impact of their work",
    summary: "The council and the NHS do not run SEND services together well enough, and leaders do not check whether things are getting better.",
    actions: [
      "Establish a SEND improvement board with an independent chair", "Agree a joint SEND and alternative provision strategy with families",
      "Build a shared partnership performance dataset", "Publish a termly progress report to scrutiny and the ICB board",
      "Agree a partnership risk register for SEND", "Review the terms of reference of every SEND sub-group",
      "Appoint a SEND programme manager for the partnership", "Run a partnership self-evaluation with families and schools",
    ],
  },
  {
    key: "neuro", label: "autism and neurodevelopmental assessment",
    weakness: "The identification and assessment of children and young people who may have autism or other neurodevelopmental conditions. Waiting times are too long and families receive little support while they wait.",
    should: "reduce waiting times for neurodevelopmental assessment and make sure that families are supported while they wait",
    summary: "Children wait far too long for an autism or ADHD assessment, with little help for their families in the meantime.",
    actions: [
      "Commission additional autism assessment capacity", "Introduce 'support while you wait' sessions for families",
      "Bring the neurodevelopmental pathway into one front door", "Validate the autism assessment waiting list",
      "Train school staff to support children awaiting assessment", "Publish waiting times for the neurodevelopmental pathway",
      "Agree a needs-led offer that does not depend on a diagnosis", "Introduce a single referral form for neurodevelopmental assessment",
    ],
  },
  {
    key: "absence", label: "absence, suspension and part-time timetables",
    weakness: "The high rates of absence, suspension and use of part-time timetables for children and young people with SEND. Leaders do not have enough oversight of children who are missing education.",
    should: "reduce suspensions and persistent absence of children with SEND and know which children are on part-time timetables",
    summary: "Children with SEND are more likely than others to be suspended, absent or on a shortened school day.",
    actions: [
      "Track every part-time timetable and review each one within six weeks", "Set up an inclusion support team for schools",
      "Report suspensions of children with SEND to the board each term", "Agree a protocol for children missing education",
      "Fund outreach from special schools to mainstream schools", "Introduce an attendance panel for children with EHC plans",
      "Train headteachers in alternatives to suspension", "Publish inclusion data by school to the schools forum",
    ],
  },
  {
    key: "coproduction", label: "co-production with families",
    weakness: "The lack of co-production with parents and carers, and with children and young people, at strategic and individual levels. Many parents told inspectors they do not feel listened to.",
    should: "work with parents, carers, children and young people as equal partners in designing and reviewing services",
    summary: "Parents, carers and young people are not treated as equal partners, and many feel nobody listens.",
    actions: [
      "Agree a co-production charter with the parent carer forum", "Hold SEND surgeries for families in every locality",
      "Set up a young people's SEND advisory group", "Fund the parent carer forum to take part in every workstream",
      "Train managers in co-production with families", "Report what families tell us to the board each quarter",
      "Publish a 'you said, we did' update every term", "Involve families in recruiting senior SEND staff",
    ],
  },
  {
    key: "local-offer", label: "the Local Offer and communication with families",
    weakness: "The poor quality of communication with families, including the Local Offer, which parents find difficult to navigate and out of date.",
    should: "improve communication with families, including an accurate and accessible Local Offer",
    summary: "Families find it hard to get information, and the Local Offer website is hard to use and out of date.",
    actions: [
      "Rebuild the Local Offer website with families", "Publish a SEND newsletter for families each term",
      "Set up a single SEND information line", "Check every Local Offer page is reviewed within twelve months",
      "Translate key Local Offer pages into the area's main languages", "Agree a response standard for families' enquiries",
      "Run Local Offer roadshows in libraries and family hubs", "Add a live chat to the Local Offer",
    ],
  },
  {
    key: "annual-reviews", label: "annual reviews of EHC plans",
    weakness: "The timeliness and effectiveness of annual reviews of EHC plans. Too many reviews are late, and amended plans are not issued promptly.",
    should: "make sure that annual reviews happen on time and that plans are amended promptly to reflect children's current needs",
    summary: "Annual reviews of EHC plans are often late, so many plans no longer describe a child's current needs.",
    actions: [
      "Clear the backlog of annual reviews awaiting a decision", "Introduce a termly annual review schedule with schools",
      "Create a dedicated annual review team", "Prioritise reviews at key phase transfers",
      "Report overdue annual reviews on the weekly dashboard", "Give schools guidance and a template for annual reviews",
      "Audit amended plans for quality each month", "Agree how health and social care contribute to reviews",
    ],
  },
  {
    key: "adulthood", label: "preparation for adulthood",
    weakness: "The weak preparation of young people with SEND for adulthood, including employment, independent living and transition to adult health services.",
    should: "improve how young people with SEND are prepared for adulthood, employment and adult services",
    summary: "Young people with SEND are not well prepared for adult life, work or moving to adult services.",
    actions: [
      "Agree a preparation for adulthood pathway from age 14", "Expand supported internships with local employers",
      "Agree transition protocols with adult health services", "Review post-16 provision for young people with EHC plans",
      "Train staff in preparation for adulthood outcomes", "Set up a transitions panel for complex cases",
      "Publish a guide to adulthood for young people and families", "Track young people not in education, employment or training",
    ],
  },
  {
    key: "therapies", label: "speech, language and occupational therapy",
    weakness: "The long waits for speech and language therapy and occupational therapy, and the inconsistent delivery of therapy set out in EHC plans.",
    should: "reduce waits for therapies and make sure that the therapy in EHC plans is delivered",
    summary: "Children wait too long for speech and language therapy and occupational therapy, and some do not get the therapy their plan says they should.",
    actions: [
      "Commission additional speech and language therapy capacity", "Introduce a communication champions programme in schools",
      "Audit delivery of therapy provision in EHC plans", "Agree a joint therapy commissioning plan",
      "Publish therapy waiting times by service", "Introduce drop-in advice sessions for parents",
      "Recruit therapy assistants to support schools", "Review the occupational therapy referral criteria",
    ],
  },
  {
    key: "early-years", label: "early identification in the early years",
    weakness: "The inconsistent identification of needs in the early years, so that too many children's needs are identified late.",
    should: "identify children's needs early and consistently, particularly in the early years",
    summary: "Young children's needs are not always spotted early, so help often comes late.",
    actions: [
      "Introduce an early years graduated approach toolkit", "Train health visitors in early identification of SEND",
      "Set up an early years inclusion fund", "Agree a two-year-old check pathway with health visiting",
      "Fund SENCO networks for early years settings", "Track the use of early years inclusion funding",
      "Review the early years SEND outreach offer", "Link family hubs with the early years SEND team",
    ],
  },
  {
    key: "commissioning", label: "joint commissioning",
    weakness: "The underdeveloped joint commissioning arrangements between the council and health, which do not address the gaps in provision that families experience.",
    should: "commission services jointly, based on a shared understanding of need, to fill the gaps in provision",
    summary: "The council and the NHS do not plan and buy services together, so gaps in support remain.",
    actions: [
      "Agree a joint strategic needs assessment for SEND", "Agree a pooled budget for specialist health provision",
      "Map gaps in provision with families and schools", "Agree a sufficiency plan for specialist places",
      "Commission a short breaks offer with families", "Review jointly funded packages for children with complex needs",
      "Set up a joint commissioning group with a work plan", "Publish the joint commissioning plan",
    ],
  },
  {
    key: "alternative-provision", label: "alternative provision",
    weakness: "The quality and oversight of alternative provision. Leaders do not know enough about the quality of unregistered provision that children with SEND attend.",
    should: "ensure that alternative provision is good quality, well overseen and helps children return to school",
    summary: "Leaders do not check well enough the places outside school that some children with SEND attend.",
    actions: [
      "Quality assure every alternative provision the area commissions", "Agree an alternative provision directory",
      "Review each child in unregistered provision", "Agree reintegration plans for children in alternative provision",
      "Commission additional registered alternative provision", "Report alternative provision use to the board",
      "Visit every unregistered provider at least termly", "Agree a service-level agreement with every provider",
    ],
  },
  {
    key: "mental-health", label: "emotional wellbeing and mental health",
    weakness: "The long waits for mental health support for children and young people with SEND, and the lack of support while they wait.",
    should: "reduce waits for mental health support and provide help while children and young people wait",
    summary: "Children and young people with SEND wait too long for mental health support.",
    actions: [
      "Expand mental health support teams in schools", "Introduce a single point of access for emotional wellbeing",
      "Commission support while children wait for CAMHS", "Train school staff in trauma-informed practice",
      "Publish CAMHS waiting times each month", "Agree crisis pathways for young people with SEND",
      "Fund a peer support group for parents", "Review the eating disorder pathway for young people with SEND",
    ],
  },
  {
    key: "social-care", label: "social care's contribution",
    weakness: "The weak contribution of social care to EHC assessments and plans, and the limited short breaks available to families.",
    should: "strengthen social care's contribution to EHC plans and the short breaks available to families",
    summary: "Social care advice is often missing from EHC plans, and families cannot get enough short breaks.",
    actions: [
      "Agree a timescale for social care advice to EHC assessments", "Train social workers in writing EHC advice",
      "Expand the short breaks offer", "Review the disabled children's team thresholds",
      "Audit social care sections of EHC plans", "Publish the short breaks statement with families",
      "Set up a social care SEND champion in every team", "Review direct payments for families of disabled children",
    ],
  },
  {
    key: "inclusion", label: "mainstream inclusion and SEN support",
    weakness: "The inconsistent quality of support for children at SEN support in mainstream schools, which leads to an over-reliance on EHC plans and specialist places.",
    should: "improve the consistency of support for children with SEN in mainstream schools",
    summary: "Support for children without an EHC plan varies too much between schools.",
    actions: [
      "Publish an ordinarily available provision guide for schools", "Train SENCOs in the graduated approach",
      "Set up SEN support peer reviews between schools", "Fund resourced provision in mainstream schools",
      "Introduce inclusion quality marks for schools", "Review the top-up funding arrangements",
      "Set up locality SEND hubs for schools", "Track outcomes of pupils at SEN support",
    ],
  },
  {
    key: "data", label: "performance information",
    weakness: "The poor quality and use of performance information. Leaders cannot identify trends or evaluate the impact of their work on outcomes.",
    should: "use accurate performance information to understand the needs of children and the impact of services",
    summary: "Leaders do not have reliable information about how well services work for children with SEND.",
    actions: [
      "Replace the EHC case-management system", "Agree one set of SEND data definitions across the partnership",
      "Publish a SEND data dashboard for the board", "Cleanse the EHC caseload data",
      "Train managers to use the SEND dashboard", "Agree data-sharing arrangements with health",
      "Introduce outcome measures for EHC plans", "Run a quarterly data quality audit",
    ],
  },
];

/** Further actions any finding may have; {label} is the finding's theme. */
export const GENERIC_ACTIONS = [
  "Report progress on {label} to the improvement board each month", "Audit a sample of cases on {label} with the parent carer forum",
  "Train frontline practitioners on {label}", "Agree a shared dashboard for {label}", "Review what families tell us about {label}",
  "Publish a plain-English update on {label} on the Local Offer", "Commission an independent review of {label}",
  "Set up a multi-agency task group on {label}", "Agree escalation routes for {label}", "Embed learning from case reviews on {label}",
  "Refresh the policy and guidance on {label}", "Recruit additional capacity for {label}",
];

export const ACTION_DESCRIPTIONS = [
  "Delivers on finding {ref} ({label}): agreed with partners and the parent carer forum, with milestones reported to the improvement board.",
  "Part of the response to finding {ref}. The owner reports monthly; the board reviews the evidence of impact each quarter.",
  "Responds to what inspectors found about {label}. Success means families see the difference, not only that the work is done.",
  "A partnership action on {label}, led by {org}, with progress and evidence reviewed at each board meeting.",
];

// ---------------------------------------------------------------------------------------------
// Check-in narratives
// ---------------------------------------------------------------------------------------------

export const NARRATIVE = {
  notStarted: [
    "Scoping under way; the task group agreed the approach and starts next month.",
    "Not started yet: waiting for the funding decision at the next board.",
    "Planning meeting held with partners. Work begins once the lead officer is in post.",
  ],
  onTrack: ["Progress on track.", "Good progress this month.", "On track against the milestones.", "Steady progress."],
  behind: ["Progress slower than planned.", "Behind the milestones this month.", "Some slippage this month.", "Progress delayed."],
  detail: [
    "The task group met twice and agreed next steps on {label}.",
    "Data on {label} reviewed at the improvement board.",
    "Briefing delivered to {n} practitioners across the partnership.",
    "Case audit of {n} files completed; themes shared with the parent carer forum.",
    "Recruitment to two posts under way.",
    "Draft guidance circulated to partners for comment.",
    "Pilot running in {n} schools; early feedback from families is positive.",
    "Delay while funding is confirmed with the ICB.",
    "Families' feedback gathered through the forum's survey ({n} responses).",
    "New process live in two localities; roll-out to the rest planned.",
    "Staff sickness in the team has slowed the work this month.",
    "Partners signed off the revised approach at the board.",
    "Procurement complete; provider starts next month.",
    "Workshop held with young people to test the proposals.",
    "Monitoring shows {n}% of cases now meet the new standard.",
  ],
  next: [
    "Next: report to the board.", "Next: agree the timetable with schools.", "Next: test with families before launch.",
    "Next: evaluate the pilot.", "Next: confirm funding for the next phase.", "Next: share the findings with the forum.",
  ],
  complete: [
    "Action complete: the new arrangements are in place and signed off by the board.",
    "Complete. Evidence of delivery accepted by the board; impact will be tracked through the measures.",
    "Completed on schedule; the work is now part of business as usual.",
  ],
  afterComplete: [
    "Complete: impact being monitored through the board's dashboard; nothing further to report this month.",
    "Complete. Arrangements embedded; spot checks this month found them working as intended.",
  ],
  deferred: [
    "Deferred by the improvement board until the new service model is agreed.",
    "Deferred: depends on the case-management system, now due later in the year.",
  ],
  cancelled: [
    "Cancelled: superseded by the joint commissioning plan, which covers this work.",
    "Cancelled by the board: the pilot showed a different approach works better for families.",
  ],
};

export const RAG_OVERRIDE_REASONS = {
  AMBER: [
    "The board has agreed a recovery plan and extra capacity starts next month; amber reflects that with the board's agreement.",
    "Delivery is behind because of a supplier delay outside the partnership's control; mitigations are in place.",
  ],
  RED: [
    "Calculated as amber, but the risk to families is high and the board wants it escalated.",
    "Progress figures are not yet validated; treated as red until they are.",
  ],
  GREEN: ["The remaining work is a formality agreed by the board; the action is effectively delivered."],
};

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------

export type MeasureTemplate = {
  name: string;
  definition: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  source: string;
  /** Baseline range, and the target as a share of the way from the baseline to `goal`. */
  baseline: [number, number];
  goal: number;
  benchmark: number;
  themes: string[];
};

export const MEASURES: MeasureTemplate[] = [
  { name: "EHC plans issued within 20 weeks", definition: "New EHC plans issued within 20 weeks of the request, excluding exceptions, rolling three months.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "SEN2 and the EHC case-management system", baseline: [12, 45], goal: 75, benchmark: 50.3, themes: ["ehc", "data"] },
  { name: "Average weeks to issue a new EHC plan", definition: "Mean weeks from request to final plan for plans issued in the month.",
    unit: "WEEKS", direction: "LOWER_IS_BETTER", source: "EHC case-management system", baseline: [28, 46], goal: 20, benchmark: 23, themes: ["ehc"] },
  { name: "Annual reviews completed within 12 months", definition: "EHC plans whose annual review was held and decided within 12 months of the last.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "EHC case-management system", baseline: [35, 65], goal: 90, benchmark: 72, themes: ["annual-reviews", "ehc"] },
  { name: "Children waiting more than 18 weeks for an autism assessment", definition: "Children and young people on the neurodevelopmental waiting list for more than 18 weeks at month end.",
    unit: "COUNT", direction: "LOWER_IS_BETTER", source: "Community health trust waiting list", baseline: [300, 1200], goal: 100, benchmark: 420, themes: ["neuro"] },
  { name: "Median days from referral to speech and language therapy", definition: "Median days waited by children who started therapy in the month.",
    unit: "DAYS", direction: "LOWER_IS_BETTER", source: "ICB community services dashboard", baseline: [120, 260], goal: 90, benchmark: 126, themes: ["therapies"] },
  { name: "Suspensions of pupils with an EHC plan (per 100 pupils)", definition: "Suspensions per 100 pupils with an EHC plan, rolling twelve months.",
    unit: "RATE", direction: "LOWER_IS_BETTER", source: "School census and exclusions return", baseline: [12, 25], goal: 8, benchmark: 9.4, themes: ["absence", "alternative-provision"] },
  { name: "Persistent absence of pupils at SEN support", definition: "Pupils at SEN support missing 10% or more of sessions, this academic year.",
    unit: "PERCENT", direction: "LOWER_IS_BETTER", source: "School census", baseline: [28, 42], goal: 20, benchmark: 27.6, themes: ["absence", "inclusion"] },
  { name: "Children with SEND on part-time timetables", definition: "Children with SEND on a part-time timetable reported by schools at month end.",
    unit: "COUNT", direction: "LOWER_IS_BETTER", source: "Part-time timetable register", baseline: [60, 250], goal: 20, benchmark: 75, themes: ["absence", "alternative-provision"] },
  { name: "Parents and carers who feel listened to", definition: "Respondents to the forum's pulse survey who agree they are listened to.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Parent carer forum pulse survey", baseline: [18, 40], goal: 70, benchmark: 45, themes: ["coproduction", "local-offer"] },
  { name: "Health advice returned within 6 weeks", definition: "Health advice for EHC needs assessments returned within 6 weeks of the request.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Designated clinical officer's tracker", baseline: [30, 60], goal: 95, benchmark: 80, themes: ["ehc", "therapies", "commissioning"] },
  { name: "Young people with SEND in education, employment or training at 17", definition: "Young people with an EHC plan aged 17 in education, employment or training.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "NCCIS tracking", baseline: [70, 84], goal: 92, benchmark: 86.1, themes: ["adulthood"] },
  { name: "SEND tribunal appeals registered", definition: "Appeals to the SEND tribunal registered in the last twelve months.",
    unit: "COUNT", direction: "LOWER_IS_BETTER", source: "Tribunal notifications", baseline: [40, 180], goal: 25, benchmark: 60, themes: ["coproduction", "ehc"] },
  { name: "CAMHS referrals seen within 4 weeks", definition: "Referrals to children's mental health services seen within 4 weeks, rolling three months.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Mental health trust dashboard", baseline: [25, 55], goal: 80, benchmark: 58, themes: ["mental-health"] },
  { name: "Early years settings using the graduated approach toolkit", definition: "Registered early years settings that have adopted the toolkit.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Early years team records", baseline: [15, 45], goal: 90, benchmark: 60, themes: ["early-years", "inclusion"] },
  { name: "Children in unregistered alternative provision", definition: "Children with SEND attending unregistered alternative provision at month end.",
    unit: "COUNT", direction: "LOWER_IS_BETTER", source: "Alternative provision register", baseline: [30, 150], goal: 10, benchmark: 40, themes: ["alternative-provision"] },
  { name: "Social care advice returned within 6 weeks", definition: "Social care advice for EHC needs assessments returned within 6 weeks of the request.",
    unit: "PERCENT", direction: "HIGHER_IS_BETTER", source: "Children's social care system", baseline: [20, 55], goal: 90, benchmark: 70, themes: ["social-care", "ehc"] },
];

// ---------------------------------------------------------------------------------------------
// Evidence, the forum's voice, comments and monitoring
// ---------------------------------------------------------------------------------------------

export const EVIDENCE_TITLES = {
  ACTIVITY: [
    "Board report on progress", "Minutes of the task group", "Training attendance record", "Signed-off guidance document",
    "Project plan and milestones", "Recruitment tracker", "Briefing for schools", "Terms of reference", "Case audit summary",
    "Communication plan",
  ],
  IMPACT: [
    "Case audit results", "Families' survey results", "Dashboard extract", "Case studies (anonymised)", "Waiting list trend",
    "Feedback from young people", "Quality assurance report", "Headteachers' survey summary",
  ],
};

export const REJECTED_NOTES = [
  "This names children. Please anonymise it and add it again.",
  "This is the plan, not evidence that it happened. Please add the minutes or the report.",
  "The link does not open outside the council's network. Please add a copy partners can read.",
];

export const VERDICT_TEXTS = {
  AGREE: [
    "Families were involved from the start and it shows. We agree this is working.",
    "We have seen the difference on the ground and parents tell us the same.",
    "This was genuinely done with us, not to us.",
  ],
  AGREE_WITH_COMMENTS: [
    "A good start, but families in some localities have not yet seen any change.",
    "We agree with the direction, but the timescales keep slipping and parents notice.",
    "Parents helped design this. We want to see the impact data before we say it is working.",
  ],
  DISAGREE: [
    "The council calls this co-production, but families saw the proposals only after they were decided.",
    "Parents tell us nothing has changed for them, whatever the report says.",
    "The sessions were cancelled twice at short notice. That is not partnership.",
  ],
};

export const COMMENTS = [
  "Can we have the latest figures before the next board, please?",
  "Raised at the task group: the dates need revisiting.",
  "Please add the evidence from the school visits.",
  "Families at the last surgery asked about this. Can we give them a date?",
  "Please bring the data by locality to the next monitoring meeting.",
  "Agreed at the board to keep this under close review.",
  "The forum would like to see the draft before it goes out.",
  "Escalated to the director: the supplier has missed another date.",
];

export const ADVISER_NOTES = {
  LIKELY_SUFFICIENT: [
    "Governance is strong and the data show sustained improvement on {label}. Likely to be judged sufficient if sustained.",
    "Good evidence of impact on {label}; families' feedback supports it.",
  ],
  AT_RISK: [
    "Improving on {label} but from a low base; impact evidence is thin.",
    "Activity is complete but the measures for {label} have not yet moved. At risk.",
  ],
  UNLIKELY: [
    "Little change for families on {label}; the trajectory is off track and the recovery plan is not yet credible.",
    "Key actions on {label} are overdue and the board has not challenged this.",
  ],
};

export const COPRODUCTION_NOTES = [
  "Design workshop with parents and young people.", "Forum members reviewed the draft and changes were made.",
  "Young people's group tested the materials.", "Joint review of the pilot with the forum.", "Parents sat on the recruitment panel.",
  "Surgery in a family hub to hear families' experience.",
];

export const YOU_SAID_WE_DID = [
  ["Families told us it was hard to find out what help there is for {label}.", "We published a plain-English guide with the forum and put it on the Local Offer."],
  ["Parents said nobody explained the delays with {label}.", "We now send families a monthly update and have named contacts for each locality."],
  ["Young people said they were not asked about {label}.", "Our young people's group now reviews every change before it is agreed."],
  ["Families said the meetings about {label} were at times they could not make.", "We moved sessions to evenings and online and recorded them."],
] as const;
