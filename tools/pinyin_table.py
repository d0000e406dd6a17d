#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# pinyin_table.py - writes the readings table of core/pinyin.c, as C, from a
# rime pinyin dictionary (pinyin_simp.dict.yaml: after its "..." line, lines
# "word<TAB>pinyin<TAB>weight"). Only single characters are kept, each with
# every reading, the most common (highest weight) first.
#
# The table holds no pointers (nothing to relocate when the program starts):
# PINYIN_CP, the characters sorted; PINYIN_FIRST, where each one's readings
# start in PINYIN_READING (one more entry closes the last); PINYIN_READING,
# offsets into PINYIN_POOL, every distinct reading once, NUL-ended, sorted.
#
#   python3 tools/pinyin_table.py DICT > build/core/pinyin_table.c
import sys


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: pinyin_table.py DICT.yaml\n")
        return 2
    readings = {}
    body = False
    with open(sys.argv[1], encoding="utf-8") as f:
        for n, line in enumerate(f):
            line = line.rstrip("\n")
            if not body:
                body = line == "..."
                continue
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2 or len(parts[0]) != 1:
                continue
            word, pinyin = parts[0], parts[1]
            if not (pinyin.isascii() and pinyin.isalpha() and pinyin.islower()):
                continue
            weight = 0
            if len(parts) > 2 and parts[2].strip():
                try:
                    weight = float(parts[2].strip().rstrip("%"))
                except ValueError:
                    weight = 0
            got = readings.setdefault(ord(word), {})
            if pinyin not in got or got[pinyin][0] < weight:
                got[pinyin] = (weight, n)
    if not readings:
        sys.stderr.write("pinyin_table.py: no single-character entries in %s\n" % sys.argv[1])
        return 1
    syllables = sorted({p for r in readings.values() for p in r})
    offset, pool = {}, []
    at = 0
    for s in syllables:
        offset[s] = at
        pool.append(s)
        at += len(s) + 1
    if at > 65535 or sum(len(r) for r in readings.values()) > 65535:
        sys.stderr.write("pinyin_table.py: the table outgrows its 16-bit offsets\n")
        return 1
    cps = sorted(readings)
    out = sys.stdout
    out.write("/* SPDX-License-Identifier: GPL-3.0-or-later */\n")
    out.write("/* pinyin_table.c - made by tools/pinyin_table.py from %s; do not edit. */\n"
              % sys.argv[1].split("/")[-1])
    out.write("#include <stdint.h>\n\n")
    out.write("extern const int PINYIN_COUNT, PINYIN_SYLLABLES;\n")
    out.write("extern const uint32_t PINYIN_CP[];\n")
    out.write("extern const uint16_t PINYIN_FIRST[], PINYIN_READING[], PINYIN_SYLLABLE[];\n")
    out.write("extern const char PINYIN_POOL[];\n\n")
    out.write("const int PINYIN_COUNT = %d;\n" % len(cps))
    out.write("const int PINYIN_SYLLABLES = %d;\n\n" % len(syllables))
    out.write("const uint32_t PINYIN_CP[] = {\n")
    for i in range(0, len(cps), 8):
        out.write("\t" + " ".join("0x%x," % c for c in cps[i:i + 8]) + "\n")
    out.write("};\n\nconst uint16_t PINYIN_FIRST[] = {\n")
    first, flat = [], []
    for c in cps:
        first.append(len(flat))
        ranked = sorted(readings[c].items(), key=lambda kv: (-kv[1][0], kv[1][1]))
        flat.extend(offset[p] for p, _ in ranked)
    first.append(len(flat))
    for i in range(0, len(first), 12):
        out.write("\t" + " ".join("%d," % v for v in first[i:i + 12]) + "\n")
    out.write("};\n\nconst uint16_t PINYIN_READING[] = {\n")
    for i in range(0, len(flat), 12):
        out.write("\t" + " ".join("%d," % v for v in flat[i:i + 12]) + "\n")
    out.write("};\n\n/* Every reading once, in order. */\nconst uint16_t PINYIN_SYLLABLE[] = {\n")
    offs = [offset[s] for s in syllables]
    for i in range(0, len(offs), 12):
        out.write("\t" + " ".join("%d," % v for v in offs[i:i + 12]) + "\n")
    out.write("};\n\nconst char PINYIN_POOL[] =\n")
    for i in range(0, len(pool), 10):
        out.write('\t"' + "".join(s + "\\0" for s in pool[i:i + 10]) + '"\n')
    out.write(";\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
