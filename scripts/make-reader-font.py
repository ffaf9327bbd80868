#!/usr/bin/python3
"""
Makes public/fonts/source-serif-4-reader.woff2, the reader pages' one font file: Source Serif 4,
roman only, its weight axis narrowed to 400-700 (the body's regular and the headlines' bold, and
every weight between), subset to the characters a Latin-script newspaper prints, without hinting
and without the layout features the pages never ask for. Then prints the metrics for
app/reader-font.css: the metric-matched fallback faces over Times New Roman / Liberation Serif.

Run from the repository's root (Debian: apt-get install -y python3-fonttools python3-brotli):

    /usr/bin/python3 scripts/make-reader-font.py

Only this script needs fontTools; the site serves the committed .woff2. Change UNICODES here and
the unicode-range in app/reader-font.css together.
"""
import io
import os
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
# Kerning, standard ligatures (fi, fl) and the mark features that place accents; not fractions or
# figure styles, which the pages never switch on.
FEATURES = ["kern", "liga"]

# Letter frequencies of English prose (with the space), to weigh the average advance width that
# size-adjust matches: what matters is how long a line of the paper's text runs.
FREQUENCIES = {
    " ": 0.18, "e": 0.102, "t": 0.075, "a": 0.065, "o": 0.062, "n": 0.057, "i": 0.057, "s": 0.053,
    "r": 0.05, "h": 0.049, "l": 0.033, "d": 0.033, "u": 0.023, "c": 0.022, "m": 0.02, "f": 0.018,
    "w": 0.017, "g": 0.016, "y": 0.014, "p": 0.014, "b": 0.012, "v": 0.008, "k": 0.006, ",": 0.01,
    ".": 0.009, "T": 0.003, "A": 0.002, "I": 0.002, "S": 0.002, "H": 0.002, "C": 0.002, "M": 0.002,
}


def average_width(font):
    """Average advance, in em, of English text set in `font`."""
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    total = sum(FREQUENCIES.values())
    width = sum(share * metrics[cmap[ord(char)]][0] for char, share in FREQUENCIES.items())
    return width / total / font["head"].unitsPerEm


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
    for weight, path in FALLBACKS.items():
        fallback = TTFont(path)
        size_adjust = average_width(instance_at(made, weight)) / average_width(fallback)
        print(
            f"weight {weight} over {fallback['name'].getDebugName(4)}: "
            f"size-adjust: {size_adjust * 100:.2f}%; "
            f"ascent-override: {hhea.ascent / upm / size_adjust * 100:.2f}%; "
            f"descent-override: {-hhea.descent / upm / size_adjust * 100:.2f}%; "
            f"line-gap-override: {hhea.lineGap / upm / size_adjust * 100:.2f}%;"
        )


if __name__ == "__main__":
    main()
