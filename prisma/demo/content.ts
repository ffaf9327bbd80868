/**
 * The demo newsroom's stories: invented events in an invented coastal city, written for Newsdesk.
 * `daysAgo` places each piece relative to the day the demo is seeded, so the site looks alive;
 * `updatedDaysAgo` marks an editor's significant update after publication (prisma/demo/timeline.ts
 * turns both into dates that are honest whatever the time of day).
 */
import type { ArticleKind } from "@/lib/articles/kinds";
import type { DemoImageName } from "./images";

export type DemoArticle = {
  headline: string;
  /** Where it was reported; editorials and letters carry none (lib/articles/kinds.ts). */
  dateline?: string;
  standfirst?: string;
  section: string;
  kind: ArticleKind;
  author: "reporter" | "editor" | "columnist" | "guest" | "reader";
  daysAgo: number;
  hour: number;
  updatedDaysAgo?: number;
  body: string;
  tags?: string[];
  /** An op-ed writer's line at the foot. */
  writerBio?: string;
  /** The featured image (prisma/demo/images.ts). */
  image?: DemoImageName;
};

export const demoSections = [
  { slug: "city", name: "City" },
  { slug: "national", name: "National" },
  { slug: "world", name: "World" },
  { slug: "business", name: "Business" },
  { slug: "sport", name: "Sport" },
  { slug: "opinion", name: "Opinion" },
];

export const demoContributors = {
  columnist: { email: "columnist@example.com", name: "Tomasz Werner", bio: "Tomasz Werner writes a weekly column on cities and the people who run them." },
  guest: { email: "guest@example.com", name: "Dr Leila Haddad", bio: "Leila Haddad is a hydrologist at the Coastal Institute and has studied the delta's aquifers for fifteen years." },
  reader: { email: "letters@example.com", name: "Marguerite Olsen", bio: null },
};

export const demoArticles: DemoArticle[] = [
  {
    headline: "Harbour authority halts night dredging after residents report cracked walls",
    image: "harbour",
    tags: ["Harbour", "Dredging"],
    dateline: "HARBOURTON",
    standfirst: "Engineers will survey 40 homes on the east quay before work resumes, the authority said.",
    section: "city",
    kind: "news",
    author: "reporter",
    daysAgo: 0,
    hour: 7,
    body: `The Harbourton Port Authority on Tuesday suspended overnight dredging in the east channel after more than two dozen households reported new cracks in walls and ceilings over the past fortnight.

"We have heard the residents and we are stopping the night shift until an independent survey is complete," the authority's chief engineer, Sunniva Brandt, told reporters at the quayside. "If our work has damaged a single home, we will pay for the repair."

Residents of Chandlers Row, the terrace closest to the channel, said the vibration began shortly after a larger dredger arrived in early autumn. "The windows hum from midnight until four," said Amir Rahimi, a retired ferry pilot who has lived on the row for thirty years. "Last week a crack opened above my daughter's bed."

The authority said daytime dredging would continue, as the channel must be deepened before the spring container season. A survey of 40 homes is due to begin on Monday.`,
  },
  {
    headline: "Council votes to keep the old tram depot as a covered market",
    image: "depot",
    tags: ["City council", "Tram depot"],
    dateline: "HARBOURTON",
    section: "city",
    kind: "news",
    author: "reporter",
    daysAgo: 1,
    hour: 18,
    updatedDaysAgo: 0,
    body: `Harbourton's city council voted 31 to 12 on Monday evening to convert the disused tram depot on Foundry Street into a covered market, rejecting a developer's offer to replace it with flats.

Councillor Okonkwo Adeyemi, who led the campaign to save the building, said the vote was "a promise that the city will still have a place where anyone can set up a stall for the price of a morning's takings."

The developer, Larkspur Homes, said it was disappointed and would study the decision. Its proposal had included 220 flats, a fifth of them at below-market rents.

Work on the roof is expected to start in the spring, paid for from the council's heritage fund and a loan from the regional development bank.`,
  },
  {
    headline: "Delta farmers warn of salt in wells as river runs low",
    image: "delta",
    tags: ["Delta", "Water"],
    dateline: "MARREN",
    standfirst: "Three years of weak monsoons have let the sea push further up the delta than anyone can remember.",
    section: "national",
    kind: "news",
    author: "reporter",
    daysAgo: 2,
    hour: 9,
    body: `Farmers across the lower delta say water from their wells has turned brackish, the clearest sign yet that seawater is pushing inland as the river's flow weakens.

"My grandfather dug this well. It was sweet until last year," said Halima Begum, who grows rice and chillies on four acres outside Marren. "Now the goats will not drink from it."

The national water commission confirmed that salinity readings at eleven of its nineteen monitoring stations were above the level at which rice yields begin to fall. A spokesman said the commission would publish a full assessment before the planting season.

Agricultural economists warned that without new storage upstream, the delta could lose a tenth of its farmland to salt within a decade.`,
  },
  {
    headline: "Shipping line adds direct route to the northern ports",
    tags: ["Harbour", "Shipping"],
    dateline: "HARBOURTON",
    section: "business",
    kind: "news",
    author: "reporter",
    daysAgo: 3,
    hour: 11,
    body: `Nordlys Container Lines will begin a weekly direct service between Harbourton and three northern ports in March, cutting transit times for exporters by as much as six days.

"Our customers were paying for a transshipment they did not need," the line's regional director, Katrin Solberg, said at the announcement. "A direct call makes Harbourton a first stop, not an afterthought."

The chamber of commerce welcomed the route, saying textile and fruit exporters had long complained of delays at the hub ports. The first vessel, with a capacity of 4,500 containers, is due on 4 March.`,
  },
  {
    headline: "Harbourton Rovers reach the cup semi-final for the first time in 22 years",
    image: "stadium",
    tags: ["Harbourton Rovers"],
    dateline: "HARBOURTON",
    section: "sport",
    kind: "news",
    author: "reporter",
    daysAgo: 4,
    hour: 21,
    body: `A header from the 19-year-old defender Tobi Mensah in the last minute of extra time sent Harbourton Rovers into the national cup semi-final on Saturday, the club's first since 2004.

"I closed my eyes and hoped," Mensah said afterwards, still in his boots on the touchline. "The whole east stand came down on top of me."

Rovers' manager, Ines Carvalho, praised a side that had played the second half with ten men. "They ran for each other. That is all I ask."

The semi-final draw will be made on Monday.`,
  },
  {
    headline: "Regional ministers agree to share flood warnings in real time",
    tags: ["Floods", "Water"],
    dateline: "VALDERA",
    section: "world",
    kind: "analysis",
    author: "editor",
    daysAgo: 5,
    hour: 14,
    body: `Ministers from the five states that share the Valder basin agreed on Thursday to pool river-gauge data in real time, a step that hydrologists have urged for a decade.

Under the agreement, readings from more than 300 gauges will be published on a common system every fifteen minutes, rather than exchanged by letter after the fact.

"Water does not stop at a border post, and neither should the warning," said the host minister, Adriana Moretti, at the closing session.

Officials cautioned that the harder questions, about dam releases and how much water each state may take in a dry year, remain for a later round.`,
  },
  {
    headline: "The dredging can wait",
    image: "harbour",
    tags: ["Harbour", "Dredging"],
    section: "opinion",
    kind: "editorial",
    author: "editor",
    daysAgo: 0,
    hour: 5,
    updatedDaysAgo: 0,
    body: `The port authority was right to stop its night dredging, and it should not restart until every cracked wall on Chandlers Row has been surveyed and the findings published in full.

A deeper channel matters to this city's trade. But the families who live beside the water were there before the dredger, and they deserve the benefit of the doubt. Promises of compensation are welcome; an independent survey, paid for by the authority and answerable to residents, is better.`,
  },
  {
    headline: "A market, not a monument",
    image: "depot",
    tags: ["City council", "Tram depot"],
    section: "opinion",
    kind: "editorial",
    author: "editor",
    daysAgo: 1,
    hour: 5,
    body: `THE council's vote to save the tram depot will be remembered fondly only if the market that fills it is busy, affordable and open to newcomers. Heritage alone does not pay for a roof.

Stall rents should be set so that a young trader can take a pitch for a season without a bank loan, and the council should publish its accounts for the building each year.`,
  },
  {
    headline: "Salt in the wells",
    tags: ["Delta", "Water"],
    section: "opinion",
    kind: "editorial",
    author: "editor",
    daysAgo: 2,
    hour: 5,
    updatedDaysAgo: 1,
    body: `The brackish water now rising in the delta's wells is not a surprise to anyone who has followed the river's decline. What is surprising is how little has been done about it.

The water commission should publish its salinity readings every month, not every year, and the government should fund the small check-dams that villages have asked for since the last drought.`,
  },
  {
    headline: "Cheap fares, full trains",
    section: "opinion",
    kind: "editorial",
    author: "editor",
    daysAgo: 3,
    hour: 5,
    body: `THE first month of the flat commuter fare has filled the morning trains, and the operator is already warning of crowding. That is a problem worth having: it shows what people will do when public transport is priced for them.

The answer is longer trains and more of them, not a quiet rise in the fare.`,
  },
  {
    headline: "Libraries after dark",
    section: "opinion",
    kind: "editorial",
    author: "editor",
    daysAgo: 4,
    hour: 5,
    body: `FOR students who share a room with three siblings, a library that closes at six is a library that closes too early. The pilot that kept two branches open until ten this autumn was used by more than 9,000 people.

It should be extended to every branch in the city before the examination season.`,
  },
  {
    headline: "Count every vote, then count them again",
    section: "opinion",
    kind: "editorial",
    author: "editor",
    daysAgo: 6,
    hour: 5,
    updatedDaysAgo: 5,
    body: `A recount is not an insult to the people who ran an election; it is how they show their work. The electoral board should agree to the recount requested in the northern wards and let observers from every party watch it.

Trust in a result is built by openness, not by speed.`,
  },
  {
    headline: "What a city owes the people who clean it",
    dateline: "HARBOURTON",
    section: "opinion",
    kind: "column",
    author: "columnist",
    daysAgo: 2,
    hour: 8,
    body: `At four in the morning the fish market is already being hosed down, and the people doing it have been awake since two. Most of them are paid by a contractor, not by the city, and most of them have never had a day of sick pay.

A city that can afford a new tram line can afford to bring its cleaners back on to its own payroll. It would cost less than the line's ribbon-cutting budget.`,
  },
  {
    headline: "The delta needs storage, not sympathy",
    image: "delta",
    writerBio: "The writer is a hydrologist at the Coastal Institute.",
    tags: ["Delta", "Water"],
    dateline: "HARBOURTON",
    section: "opinion",
    kind: "op-ed",
    author: "guest",
    daysAgo: 3,
    hour: 8,
    body: `For fifteen years I have measured the delta's groundwater, and for fifteen years the trend has pointed one way. The sea is winning because the river no longer pushes back.

Small storage ponds upstream, fed in the wet months and released in the dry, would keep enough fresh water moving to hold the salt line where it is. They are cheap, and villages can build them. What they need is permission and a modest grant.`,
  },
  {
    headline: "Letter: keep the night buses",
    tags: ["Transport"],
    section: "opinion",
    kind: "letter",
    author: "reader",
    daysAgo: 1,
    hour: 12,
    body: `Your report on the transport budget mentioned, almost in passing, that the night bus to the hospital may be cut. I am a nurse on the late shift, and so are many of my neighbours. Without that bus, we walk.

Please keep asking the council about it.`,
  },
];
