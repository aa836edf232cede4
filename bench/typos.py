"""How well `find` reads misspelt village names: a report, not a test.

Takes every curated Ortsteil of five letters or more (data/localities/*.csv),
misspells a seeded sample of them by one edit (a letter left out, changed, added,
or two swapped), resolves each, alone and with its municipality after a comma,
and counts where the right district came: first, listed further down, not at
all, or not found (only spelling suggestions). Then it counts how many of some
70 words that name no place (streets, shops, names) are read as a place anyway:
the guesses that over-reach. Uses the source package; needs nothing else.

    python bench/typos.py [--sample N] [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from polchan_cli.resolve import QueryError, resolve  # noqa: E402
from polchan_cli.store import load_channels  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
# Words people type that name no place: a guess for one of these over-reaches.
NOT_PLACES = [
    "Bahnhofstraße",
    "Kirchweg",
    "Lindenallee",
    "Schulstraße",
    "Mühlenweg",
    "Dorfstraße",
    "Hauptstraße",
    "Gartenweg",
    "Feldstraße",
    "Birkenweg",
    "Eichenweg",
    "Waldweg",
    "Wiesenweg",
    "Rosenstraße",
    "Bergstraße",
    "Friedhofsweg",
    "Sportplatz",
    "Rathaus",
    "Kindergarten",
    "Grundschule",
    "Feuerwehr",
    "Sparkasse",
    "Edeka",
    "Aldi",
    "Zwiebelmarkt",
    "Altstadt",
    "Innenstadt",
    "Neubaugebiet",
    "Gewerbegebiet",
    "Industriegebiet",
    "Wohnpark",
    "Heideweg",
    "Moorweg",
    "Kreisverwaltung",
    "Bürgeramt",
    "Marktplatz",
    "Klosterweg",
    "Schützenplatz",
    "Bruchweg",
    "Hofstelle",
    "Siedlung",
    "Kolonie",
    "Ausbau",
    "Abbau",
    "Forsthaus",
    "Jagdhaus",
    "Ziegelei",
    "Domäne",
    "Kreuzung",
    "Tankstelle",
    "Raststätte",
    "Autobahn",
    "Hallo",
    "Test",
    "Meier",
    "Müller",
    "Schmidt",
    "Schulze",
    "Bäckerei",
    "Apotheke",
    "Hausarzt",
    "Notruf",
    "Unfall",
    "Brand",
    "Einbruch",
    "Diebstahl",
    "Vermisst",
]
OUTCOMES = ("right district first", "right district listed", "wrong district", "not found")


def curated_villages() -> list[tuple[str, str, str]]:
    """(name, municipality, district key) of every curated Ortsteil of 5+ letters."""
    villages = []
    for path in sorted((ROOT / "data" / "localities").glob("*.csv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
        for row in csv.DictReader(lines):
            if row["kind"] == "ortsteil" and len(row["name"]) >= 5:
                villages.append((row["name"], row["municipality"], path.stem))
    return villages


EDITS = ("delete", "change", "insert", "swap")


def misspelt(name: str, rng: random.Random) -> str:
    """The name with one edit after its first letter, each kind of edit as often;
    never the name itself (a letter changed to itself, two equal letters swapped)."""
    while True:
        i = rng.randrange(1, len(name))
        edit = rng.choice(EDITS)
        if edit == "delete":
            typo = name[:i] + name[i + 1 :]
        elif edit == "change":
            typo = name[:i] + rng.choice(LETTERS) + name[i + 1 :]
        elif edit == "insert":
            typo = name[:i] + rng.choice(LETTERS) + name[i:]
        else:
            j = min(i, len(name) - 2)
            typo = name[:j] + name[j + 1] + name[j] + name[j + 2 :]
        if typo != name:
            return typo


def outcome(query: str, district: str, registry: object) -> str:
    try:
        res = resolve(query, registry)
    except QueryError:
        return "not found"
    keys = [m.district.key for m in res.matches]
    if not keys:
        return "not found"
    if keys[0] == district:
        return "right district first"
    return "right district listed" if district in keys else "wrong district"


def read_as_place(word: str, registry: object) -> bool:
    """Whether a word that names no place is read as a misspelt one."""
    try:
        return resolve(word, registry).fuzzy_for is not None
    except QueryError:  # refused outright ("Innenstadt" alone names no place)
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=400, help="villages to misspell (400)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    args = parser.parse_args()
    registry = load_channels(None)
    rng = random.Random(args.seed)
    villages = curated_villages()
    sample = rng.sample(villages, min(args.sample, len(villages)))
    alone: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    for name, municipality, district in sample:
        typo = misspelt(name, rng)
        alone[outcome(typo, district, registry)] += 1
        placed[outcome(f"{typo}, {municipality}", district, registry)] += 1
    print(f"{len(sample)} of {len(villages)} curated Ortsteile, one edit each (seed {args.seed})")
    print()
    print("| outcome | alone | with its municipality |")
    print("|---|--:|--:|")
    for name in OUTCOMES:
        print(f"| {name} | {alone[name] / len(sample):.0%} | {placed[name] / len(sample):.0%} |")
    guessed = [word for word in NOT_PLACES if read_as_place(word, registry)]
    print()
    print(f"{len(NOT_PLACES)} words that name no place; read as a place anyway: {len(guessed)}")
    if guessed:
        print("  " + ", ".join(guessed))


if __name__ == "__main__":
    main()
