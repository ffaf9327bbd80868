/**
 * The demo newsroom's pictures: simple illustrations drawn here as SVG and rasterised with sharp at
 * seed time, so the front page and articles show featured images without shipping photographs.
 */
export type DemoImage = { svg: string; alt: string; caption: string; credit: string };

const frame = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">${body}</svg>`;

export const demoImages = {
  harbour: {
    alt: "Two dockside cranes and a moored dredger silhouetted against an orange dawn sky over the harbour",
    caption: "The east channel at first light, where the night dredging was halted.",
    credit: "Illustration: Harbour Gazette",
    svg: frame(`
      <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f6d6a8"/><stop offset="1" stop-color="#e07a3f"/></linearGradient></defs>
      <rect width="1600" height="560" fill="url(#sky)"/>
      <circle cx="1180" cy="470" r="90" fill="#fbe3b8"/>
      <rect y="560" width="1600" height="340" fill="#1d3550"/>
      <g fill="#2a2320">
        <rect x="260" y="180" width="36" height="380"/><rect x="150" y="180" width="420" height="28"/><rect x="520" y="208" width="10" height="170"/>
        <rect x="700" y="240" width="30" height="320"/><rect x="610" y="240" width="330" height="24"/><rect x="900" y="264" width="8" height="130"/>
        <path d="M1000 560 L1080 500 L1450 500 L1500 560 Z"/><rect x="1180" y="440" width="90" height="60"/>
      </g>
      <g stroke="#f6d6a8" stroke-width="6" opacity="0.35"><line x1="1080" y1="640" x2="1300" y2="640"/><line x1="1120" y1="700" x2="1260" y2="700"/></g>`),
  },
  depot: {
    alt: "The brick front of the old tram depot with three tall arched doorways and a clock above the centre arch",
    caption: "The tram depot on Foundry Street, which the council voted to keep as a covered market.",
    credit: "Illustration: Harbour Gazette",
    svg: frame(`
      <rect width="1600" height="900" fill="#cfe0ea"/>
      <rect x="200" y="220" width="1200" height="620" fill="#9c4a32"/>
      <path d="M170 230 L800 90 L1430 230 Z" fill="#6e2f1f"/>
      <g fill="#2c2a33">
        <path d="M300 840 V520 a130 130 0 0 1 260 0 V840 Z"/><path d="M670 840 V480 a130 130 0 0 1 260 0 V840 Z"/><path d="M1040 840 V520 a130 130 0 0 1 260 0 V840 Z"/>
      </g>
      <circle cx="800" cy="330" r="62" fill="#f3efe4" stroke="#2c2a33" stroke-width="10"/>
      <path d="M800 330 V290 M800 330 H835" stroke="#2c2a33" stroke-width="8" stroke-linecap="round"/>
      <rect y="840" width="1600" height="60" fill="#7d7a73"/>`),
  },
  delta: {
    alt: "Flat fields in green and ochre stripes beside a shrunken river channel under a pale sky, with a well pump in the foreground",
    caption: "Farmland on the delta, where wells have turned salty as the river runs low.",
    credit: "Illustration: Harbour Gazette",
    svg: frame(`
      <rect width="1600" height="380" fill="#e9efe9"/>
      <path d="M0 380 H1600 V900 H0 Z" fill="#b9a35a"/>
      <path d="M0 440 L1600 400 V470 L0 540 Z" fill="#6f9a4c"/><path d="M0 600 L1600 520 V600 L0 700 Z" fill="#8fae5a"/><path d="M0 770 L1600 650 V730 L0 860 Z" fill="#6f9a4c"/>
      <path d="M900 380 C 980 500, 760 620, 1000 900 L1120 900 C 900 640, 1100 500, 980 380 Z" fill="#7fa7b8"/>
      <g fill="#3b3530"><rect x="300" y="560" width="22" height="190"/><path d="M240 560 L420 520 L425 540 L245 580 Z"/><rect x="270" y="740" width="90" height="24"/></g>`),
  },
  stadium: {
    alt: "A floodlit football pitch seen from the stand, with white markings on green grass and four light towers",
    caption: "Harbourton Rovers' ground, which will host its first cup semi-final in 22 years.",
    credit: "Illustration: Harbour Gazette",
    svg: frame(`
      <rect width="1600" height="900" fill="#14202e"/>
      <path d="M120 820 L400 330 H1200 L1480 820 Z" fill="#2f7d3b"/>
      <g fill="none" stroke="#e8f0e8" stroke-width="6"><path d="M120 820 L400 330 H1200 L1480 820 Z"/><line x1="800" y1="330" x2="800" y2="820"/><ellipse cx="800" cy="560" rx="120" ry="60"/></g>
      <g fill="#3a4656"><rect x="150" y="120" width="16" height="420"/><rect x="1434" y="120" width="16" height="420"/><rect x="420" y="90" width="14" height="250"/><rect x="1166" y="90" width="14" height="250"/></g>
      <g fill="#fff7d1"><rect x="110" y="90" width="96" height="44"/><rect x="1394" y="90" width="96" height="44"/><rect x="387" y="64" width="80" height="36"/><rect x="1133" y="64" width="80" height="36"/></g>`),
  },
} satisfies Record<string, DemoImage>;

export type DemoImageName = keyof typeof demoImages;
