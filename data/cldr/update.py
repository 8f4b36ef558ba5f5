#!/usr/bin/env python3
"""Vendors the part of the Unicode CLDR that claimcheck reads news with.

    python3 data/cldr/update.py            # fetch CLDR_VERSION with npm, write cldr.json
    python3 data/cldr/update.py DIR        # read already unpacked packages under DIR

For every language in LANGUAGES (and every regional locale CLDR has for
it) it keeps: number symbols (decimal and group separators) and compact
number words ("mil", "млн", "万"); month and weekday names in every width
and context; day periods with the hours CLDR's rules give them; and the
relative words and patterns for days, weeks, months, years and weekdays
("gestern", "vor {0} Tagen", "la semana pasada"). The result,
`data/cldr/cldr.json`, is compiled into claimcheck; `LICENSE` beside it is
CLDR's licence. To add a language, add its code to LANGUAGES and run this.

The packages come from the npm registry (cldr-core, cldr-dates-full,
cldr-numbers-full), the JSON form the Unicode Consortium publishes.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

CLDR_VERSION = "48.2.0"
LANGUAGES = ["en", "es", "pt", "fr", "de", "it", "ru", "uk", "bg", "ar", "tr", "zh", "ja"]
PACKAGES = ["cldr-core", "cldr-dates-full", "cldr-numbers-full"]
HERE = os.path.dirname(os.path.abspath(__file__))


def fetch(into):
    for p in PACKAGES:
        subprocess.run(["npm", "pack", f"{p}@{CLDR_VERSION}", "--silent"], cwd=into, check=True)
        tgz = os.path.join(into, f"{p}-{CLDR_VERSION}.tgz")
        with tarfile.open(tgz) as t:
            t.extractall(os.path.join(into, p), filter="data")


def package(root, name):
    return os.path.join(root, name, "package")


def locales_of(root, lang):
    main = os.path.join(package(root, "cldr-numbers-full"), "main")
    return sorted(d for d in os.listdir(main) if d == lang or d.startswith(lang + "-"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def numbers(root, locale):
    n = load(os.path.join(package(root, "cldr-numbers-full"), "main", locale, "numbers.json"))
    n = n["main"][locale]["numbers"]
    latn = n["symbols-numberSystem-latn"]
    native = n.get("symbols-numberSystem-" + n["defaultNumberingSystem"], latn)
    words = {}
    for width in ["short", "long"]:
        formats = n["decimalFormats-numberSystem-latn"][width]["decimalFormat"]
        for key, pattern in formats.items():
            magnitude = int(key.split("-")[0])
            zeros = pattern.count("0")
            if zeros == 0 or pattern == "0" * zeros:
                continue
            # A literal is quoted in a pattern ("0 тыс'.'").
            word = pattern.replace("0", "").replace("'", "").replace("\u00a0", " ").strip().strip(".").strip()
            if not word:
                continue
            scale = magnitude // 10 ** (zeros - 1)
            words.setdefault(word.lower(), scale)
    return {
        "decimal": latn["decimal"],
        "group": latn["group"],
        "native_decimal": native["decimal"],
        "native_group": native["group"],
        "words": sorted(words.items()),
    }


def gregorian(root, locale):
    g = load(os.path.join(package(root, "cldr-dates-full"), "main", locale, "ca-gregorian.json"))
    g = g["main"][locale]["dates"]["calendars"]["gregorian"]

    def forms(section, count, key):
        out = []
        for context in ["format", "stand-alone"]:
            for width in ["wide", "abbreviated"]:
                names = g[section][context][width]
                keys = [str(i) for i in range(1, count + 1)] if key == "num" else KEYS
                row = [names[k] for k in keys]
                if row not in out:
                    out.append(row)
        return out

    periods = {}
    for context in ["format", "stand-alone"]:
        for width in ["wide", "abbreviated"]:
            for name, word in g["dayPeriods"][context][width].items():
                if name in ("am", "pm") or name.endswith("-alt-variant"):
                    continue
                periods.setdefault(name, [])
                if word not in periods[name]:
                    periods[name].append(word)
    return forms("months", 12, "num"), forms("days", 7, "day"), periods


KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]


def relative(root, locale):
    f = load(os.path.join(package(root, "cldr-dates-full"), "main", locale, "dateFields.json"))
    f = f["main"][locale]["dates"]["fields"]
    out = {}
    for field in ["day", "week", "month", "year"] + KEYS:
        words, past, future = {}, set(), set()
        for width in ["", "-short"]:
            entry = f.get(field + width, {})
            for key, value in entry.items():
                if key.startswith("relative-type-"):
                    words.setdefault(key[len("relative-type-"):], value)
                elif key in ("relativeTime-type-past", "relativeTime-type-future"):
                    into = past if key.endswith("past") else future
                    for count, pattern in value.items():
                        # A pattern without its count names it: "قبل يومين" is
                        # the dual, two days.
                        plural = count.rsplit("-", 1)[-1]
                        into.add(pattern if "{0}" in pattern else pattern + "|" + plural)
        out[field] = {"words": words, "past": sorted(past), "future": sorted(future)}
    return out


def decimal_shares(root, lang, by_locale):
    """How many of the language's speakers write each decimal separator:
    each territory's speakers (CLDR's territory populations and language
    shares) count for the separator of the territory's locale, or of the
    language's own locale where the territory has none."""
    info = load(os.path.join(package(root, "cldr-core"), "supplemental", "territoryInfo.json"))
    shares = {}
    for territory, t in info["supplemental"]["territoryInfo"].items():
        share = t.get("languagePopulation", {}).get(lang)
        if not share:
            continue
        speakers = float(t["_population"]) * float(share["_populationPercent"]) / 100
        locale = f"{lang}-{territory}" if f"{lang}-{territory}" in by_locale else lang
        decimal = by_locale[locale]["decimal"]
        shares[decimal] = shares.get(decimal, 0.0) + speakers
    total = sum(shares.values()) or 1.0
    return {d: round(n / total, 3) for d, n in sorted(shares.items())}


def cities(root, lang):
    """CLDR's names of the tz database's cities in the language
    ("Londres" -> Europe/London), where they differ from the zone's own."""
    t = load(os.path.join(package(root, "cldr-dates-full"), "main", lang, "timeZoneNames.json"))
    zones = t["main"][lang]["dates"]["timeZoneNames"]["zone"]
    out = {}

    def walk(node, path):
        for key, value in node.items():
            if key == "exemplarCity" and isinstance(value, str):
                zone = "/".join(path)
                if value.replace(" ", "_") != path[-1]:
                    out.setdefault(value.lower(), zone)
            elif isinstance(value, dict):
                walk(value, path + [key])

    walk(zones, [])
    return dict(sorted(out.items()))


def day_period_rules(root, lang):
    rules = load(os.path.join(package(root, "cldr-core"), "supplemental", "dayPeriods.json"))
    rules = rules["supplemental"]["dayPeriodRuleSet"].get(lang, {})
    return {k: {kk.lstrip("_"): vv for kk, vv in v.items()} for k, v in rules.items()}


def main():
    work = tempfile.mkdtemp()
    try:
        root = sys.argv[1] if len(sys.argv) > 1 else work
        if len(sys.argv) == 1:
            fetch(work)
        data = {"cldr": CLDR_VERSION, "languages": {}}
        for lang in LANGUAGES:
            months, days, periods = gregorian(root, lang)
            by_locale = {loc: numbers(root, loc) for loc in locales_of(root, lang)}
            likely = load(os.path.join(package(root, "cldr-core"), "supplemental", "likelySubtags.json"))
            data["languages"][lang] = {
                # The region a tag without one stands for (es -> ES).
                "default_region": likely["supplemental"]["likelySubtags"][lang].split("-")[-1],
                "numbers": by_locale,
                "decimal_shares": decimal_shares(root, lang, by_locale),
                "months": months,
                "days": days,
                "day_periods": periods,
                "day_period_rules": day_period_rules(root, lang),
                "relative": relative(root, lang),
                "cities": cities(root, lang),
            }
        with open(os.path.join(HERE, "cldr.json"), "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
            out.write("\n")
        shutil.copy(os.path.join(package(root, "cldr-core"), "LICENSE"), os.path.join(HERE, "LICENSE"))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
