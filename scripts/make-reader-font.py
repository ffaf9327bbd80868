#!/usr/bin/python3
"""
Makes public/fonts/source-serif-4-reader.woff2, the reader pages' one font file: Source Serif 4,
roman only, its weight axis narrowed to 400-700 (the body's regular and the headlines' bold, and
every weight between), subset to the characters a Latin-script newspaper prints, without hinting
and without the layout features the pages never ask for. Then prints the metrics for
components/public/reader-font.css: the metric-matched fallback faces over Times New Roman / Liberation Serif.

Run from the repository's root (Debian: apt-get install -y python3-fonttools python3-brotli):

    /usr/bin/python3 scripts/make-reader-font.py

Only this script needs fontTools (made with 4.38, Debian 12's); the site serves the committed
.woff2. A new run gives the same glyphs, though the WOFF2 bytes may differ by a few dozen. Change
UNICODES here and the unicode-range in components/public/reader-font.css together, and copy the printed numbers
into that file's fallback faces.
"""
import io
import os
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

SOURCE = "node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2"
TARGET = "public/fonts/source-serif-4-reader.woff2"
# Local serifs with Times New Roman's advance widths (Liberation Serif and Tinos were drawn to match
# them), so one set of overrides fits whichever of them a reader's system has.
FALLBACKS = {
    400: "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    700: "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
}
BUDGET = 30 * 1024

WEIGHTS = (400, 700)
# ASCII and Latin-1, dotless i, OE/oe, spacing accents, en and thin spaces, dashes, curly quotes,
# low quotes, bullet, ellipsis, primes, guillemets, fraction slash, euro, trade mark, minus.
UNICODES = (
    list(range(0x20, 0x7F)) + list(range(0xA0, 0x100))
    + [0x131, 0x152, 0x153, 0x2C6, 0x2DA, 0x2DC, 0x2002, 0x2009, 0x2013, 0x2014]
    + [0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x2032, 0x2033]
    + [0x2039, 0x203A, 0x2044, 0x20AC, 0x2122, 0x2212]
)
# Kerning and the standard ligatures (fi, fl). Not the mark features (the subset has no combining
# marks; accented letters are whole glyphs), nor fractions or figure styles the pages never ask for.
FEATURES = ["kern", "liga"]

# size-adjust matches how long a line of the paper's text runs in each face: measured on the demo
# newsroom's stories (our own writing, English news prose), bodies for the regular, headlines for
# the bold, with each font's kerning, as a browser sets them.
DEMO_CONTENT = "prisma/demo/content.ts"


def demo_text():
    source = open(DEMO_CONTENT, encoding="utf-8").read()
    bodies = " ".join(re.findall(r"body: `([^`]*)`", source))
    headlines = " ".join(re.findall(r'headline: "([^"]*)"', source))
    return {400: re.sub(r"\s+", " ", bodies), 700: headlines}


def kerning(font):
    """The font's pair kerning (GPOS 'kern', pair adjustments): a function of two glyph names."""
    gpos = font["GPOS"].table
    indices = {i for record in gpos.FeatureList.FeatureRecord if record.FeatureTag == "kern" for i in record.Feature.LookupListIndex}
    subtables = []
    for index in sorted(indices):
        for subtable in gpos.LookupList.Lookup[index].SubTable:
            subtable = getattr(subtable, "ExtSubTable", subtable)  # extension lookups (type 9) wrap the real one
            if getattr(subtable, "LookupType", 2) == 2:
                subtables.append(subtable)

    def advance_of(record):
        return getattr(getattr(record, "Value1", None), "XAdvance", 0) or 0

    def pair(left, right):
        for subtable in subtables:
            if left not in subtable.Coverage.glyphs:
                continue
            if subtable.Format == 1:
                pairs = subtable.PairSet[subtable.Coverage.glyphs.index(left)].PairValueRecord
                match = next((record for record in pairs if record.SecondGlyph == right), None)
                if match:
                    return advance_of(match)
            else:
                first = subtable.ClassDef1.classDefs.get(left, 0)
                second = subtable.ClassDef2.classDefs.get(right, 0)
                value = advance_of(subtable.Class1Record[first].Class2Record[second])
                if value:
                    return value
        return 0

    return pair


def text_width(font, text):
    """Advance of `text` set in `font`, in em, with pair kerning (no ligatures: both fonts have fi, fl)."""
    cmap, metrics, kern = font.getBestCmap(), font["hmtx"].metrics, kerning(font)
    glyphs = [cmap[ord(char)] for char in text if ord(char) in cmap]
    width = sum(metrics[glyph][0] for glyph in glyphs) + sum(kern(a, b) for a, b in zip(glyphs, glyphs[1:]))
    return width / font["head"].unitsPerEm


def reloaded(font):
    """`font` read afresh from its own bytes: the subsetter trips over glyph variations the
    instancer left loaded in memory (a KeyError in gvar with fontTools 4.38)."""
    buffer = io.BytesIO()
    font.flavor = None
    font.save(buffer)
    buffer.seek(0)
    return TTFont(buffer)


def instance_at(variable, weight):
    """A static copy of the variable font at `weight`, to measure."""
    return instancer.instantiateVariableFont(reloaded(variable), {"wght": weight})


def main():
    font = TTFont(SOURCE)
    font = reloaded(instancer.instantiateVariableFont(font, {"wght": WEIGHTS}))

    options = subset.Options()
    options.layout_features = FEATURES
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # copyright, names, version: the licence needs them
    options.name_languages = [0x409]
    options.flavor = "woff2"
    options.drop_tables += ["BASE", "gasp", "prep", "cvt ", "fpgm"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)

    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    subset.save_font(font, TARGET, options)
    size = os.path.getsize(TARGET)
    print(f"{TARGET}: {size} bytes ({size / 1024:.1f} KB), weights {WEIGHTS[0]}-{WEIGHTS[1]}, {len(UNICODES)} characters")
    if size >= BUDGET:
        sys.exit(f"Over the budget of {BUDGET} bytes.")

    # Overrides for a fallback face: the local font scaled so its text runs as long as Source Serif's,
    # with Source Serif's ascent, descent and line gap (hhea; USE_TYPO_METRICS gives the same numbers).
    made = TTFont(TARGET)
    hhea, upm = made["hhea"], made["head"].unitsPerEm
    samples = demo_text()
    for weight, path in FALLBACKS.items():
        fallback = TTFont(path)
        sample = samples[weight]
        size_adjust = text_width(instance_at(made, weight), sample) / text_width(fallback, sample)
        print(
            f"weight {weight} over {fallback['name'].getDebugName(4)}: "
            f"size-adjust: {size_adjust * 100:.2f}%; "
            f"ascent-override: {hhea.ascent / upm / size_adjust * 100:.2f}%; "
            f"descent-override: {-hhea.descent / upm / size_adjust * 100:.2f}%; "
            f"line-gap-override: {hhea.lineGap / upm / size_adjust * 100:.2f}%;"
        )


if __name__ == "__main__":
    main()
