"""Scores inferred relationships against the foreign keys a database declared before they were dropped.

    python3 bench/relationships_score.py TRUTH.tsv catalog.json [--show N]

TRUTH.tsv: one foreign key per line, `child_schema.child_table<TAB>col1,col2<TAB>parent_schema.parent_table<TAB>col1,col2`.
A suggestion counts when its child table, child columns (in order), parent table and parent columns all match.
"""
import json
import sys


def key(schema_table, columns):
    return (schema_table, tuple(columns))


def main():
    truth_path, catalog_path = sys.argv[1], sys.argv[2]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    truth = set()
    for line in open(truth_path, encoding="utf-8"):
        child, columns, parent, parent_columns = line.rstrip("\n").split("\t")
        truth.add((key(child, columns.split(",")), key(parent, parent_columns.split(","))))
    catalog = json.load(open(catalog_path, encoding="utf-8"))
    found = {}
    for r in catalog["relationships"]:
        if r["origin"] != "inferred" or r["status"] == "rejected":
            continue
        f, t = r["from"], r["to"]
        pair = (key(f"{f['table']['schema']}.{f['table']['name']}", f["columns"]),
                key(f"{t['table']['schema']}.{t['table']['name']}", t["columns"]))
        found[pair] = r
    hits = truth & set(found)
    precision = len(hits) / len(found) if found else 0.0
    recall = len(hits) / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"truth {len(truth)}  suggested {len(found)}  correct {len(hits)}  "
          f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    if show:
        by_child = {}
        for pair in found:
            by_child.setdefault(pair[0], []).append(pair)
        wrong = [p for p in found if p not in truth]
        missed = [p for p in truth if p not in found]
        print(f"-- wrong ({len(wrong)}):")
        for p in sorted(wrong)[:show]:
            print(f"   {p[0][0]}.{'+'.join(p[0][1])} -> {p[1][0]}.{'+'.join(p[1][1])}  "
                  f"[{found[p]['confidence']}] {found[p]['evidence'][0]}")
        print(f"-- missed ({len(missed)}):")
        for p in sorted(missed)[:show]:
            got = by_child.get(p[0])
            note = f"  (suggested {got[0][1][0]}.{'+'.join(got[0][1][1])})" if got else ""
            print(f"   {p[0][0]}.{'+'.join(p[0][1])} -> {p[1][0]}.{'+'.join(p[1][1])}{note}")


if __name__ == "__main__":
    main()
