"""What the public gets of a year: of the unfiltered one- and two-way cells with someone in them (by the analyst's
exact answers), how many the public answers publish exactly, and the persons counted in them. Reads answers saved by
attack.py with --truth-token and --save-answers:

    python3 api/src/test/attacker/loss.py answers.json 2012 [-v]
"""
import json, sys, collections
d = json.load(open(sys.argv[1]))
year = sys.argv[2] if len(sys.argv) > 2 else "2012"
stats = collections.defaultdict(lambda: [0, 0, 0, 0])  # ways -> cells nonzero, published, persons, persons published
tables = {}
for a in d["answers"]:
    if a["source"] != "persons" or a["year"] != year or a["filter"] or a["include_empty"] or not a["group_by"]:
        continue
    if not a.get("truth"):
        continue
    ways = len(a["group_by"])
    pub = {"\u0000".join(k): c for k, c, *_ in a["groups"]} if a["groups"] and isinstance(a["groups"][0], list) else None
    if pub is None:
        pub = {"\u0000".join(str(x) for x in g[0]): g[1] for g in a["groups"]}
    t = [0, 0, 0, 0]
    for k, c in a["truth"]["groups"].items():
        if c <= 0:
            continue
        s = stats[ways]; s[0] += 1; s[2] += c; t[0] += 1; t[2] += c
        if pub.get(k) == c:
            s[1] += 1; s[3] += c; t[1] += 1; t[3] += c
    tables[",".join(a["group_by"])] = t
for w, s in sorted(stats.items()):
    print(f"{year} {w}-way: {s[1]} of {s[0]} non-empty cells published exactly ({100*s[1]/max(1,s[0]):.0f} %), "
          f"holding {s[3]} of {s[2]} person-cells ({100*s[3]/max(1,s[2]):.0f} %)")
if "-v" in sys.argv:
    for k, t in sorted(tables.items(), key=lambda kv: kv[1][1] / max(1, kv[1][0])):
        print(f"  {k}: {t[1]}/{t[0]} cells, {t[3]}/{t[2]} persons")
