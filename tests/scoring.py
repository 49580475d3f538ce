#!/usr/bin/env python3
# Vendored unchanged from shared/eval/score.py (standard library only) so the tests score
# against human gold with exactly the rules the project is judged by.
"""Score extracted records against gold annotations.

Gold: one JSON file per document (see ../gold/*.json and ../gold/GUIDELINES.md).
Predictions: JSON Lines, one record per line, produced by running a command
for each gold document, e.g.

    python score.py --gold ../gold --docs ../seeds \
        --run "minutebook extract --format jsonl {doc}"

or read from files named <document>.jsonl in a folder (--pred-dir).

A predicted record matches a gold record of the same document when their
clause texts agree (normalised similarity >= 0.75, or one contains the other).
Matching is one-to-one, best pairs first. Precision, recall and F1 count
records; field accuracy is measured over matched pairs for each field that
the gold record names. A gold record marked "optional": true (a borderline
clause) counts neither way: matching it is not a hit, missing it is not a
miss, and the prediction it absorbs is not a false positive. Standard
library only.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

FIELDS = ("kind", "code", "owner", "deadline", "meeting_date", "noting", "recipient", "item_title")
MATCH_AT = 0.75


def norm(text: str | None) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = re.sub(r"[\u2018\u2019\u201c\u201d`]", "'", text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"[^a-z0-9%£/' -]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# Prose introducers ("It was resolved that", "Committee resolved to") are not part of a clause;
# annotators and extractors may keep or drop them, so matching ignores them.
INTRODUCER = re.compile(
    r"^(?:(?:on the )?(?:proposal of|proposed by) .{0,80}? seconded by .{0,80}? (?=(?:it was |and |unanimously )*(?:resolved|agreed|decided|approved)))?"
    r"(?:(?:it was|and|the|all|members|councillors|council|committee|panel|commission|board|cabinet|"
    r"parish council|town council|meeting)\s+)*(?:unanimously\s+)?(?:resolved|agreed|decided|approved)"
    r"(?:\s+(?:that|to))?\s*")


def clause(text: str | None) -> str:
    return INTRODUCER.sub("", norm(text)) or norm(text)


MIDWAY = re.compile(r"\b(?:resolved|agreed|decided|approved)\b(?:\s+(?:that|to))?\s+")


def tail(text: str) -> str:
    """Words after a decision verb in a sentence's first half ("after discussion it was resolved to X" -> "X")."""
    m = MIDWAY.search(text)
    return text[m.end():] if m and m.start() <= len(text) / 2 and len(text) - m.end() >= 8 else text


def _ratio(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) / len(long_) >= 0.6:
        return 0.95
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def similarity(a: str, b: str) -> float:
    a, b = clause(a), clause(b)
    return max(_ratio(x, y) for x in {a, tail(a)} for y in {b, tail(b)})


def code_key(code: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", norm(code))


def field_ok(name: str, gold, pred) -> bool:
    if name == "code":
        return code_key(gold) == code_key(pred)
    if name in ("deadline", "meeting_date"):
        if gold is None:
            return pred in (None, "")
        return isinstance(pred, str) and pred.startswith(str(gold))
    if name == "noting":
        return bool(gold) == bool(pred)
    if name == "kind":
        return norm(gold) == norm(pred)
    # owner, recipient, item_title: free text, compare loosely
    if gold is None:
        return pred in (None, "")
    g, p = norm(gold), norm(pred)
    if not p:
        return False
    if g in p or p in g:
        return True
    gt, pt = set(g.split()), set(p.split())
    return len(gt & pt) / max(1, len(gt | pt)) >= 0.6


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = similarity(g.get("text", ""), p.get("text", ""))
            if s >= MATCH_AT:
                # identical clauses ("That the report be noted.") pair by code first
                s += 0.01 * (code_key(g.get("code")) == code_key(p.get("code")))
                pairs.append((s, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def load_predictions(doc_name: str, args) -> list[dict]:
    if args.pred_dir:
        path = Path(args.pred_dir) / (doc_name + ".jsonl")
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    else:
        doc = Path(args.docs) / doc_name
        cmd = args.run.replace("{doc}", shlex.quote(str(doc)))
        proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=args.timeout)
        if proc.returncode != 0:
            print(f"# {doc_name}: command failed ({proc.returncode}): {proc.stderr.strip()[-300:]}", file=sys.stderr)
        lines = proc.stdout.splitlines()
    records = []
    for line in lines:
        line = line.strip()
        if line.startswith("{"):
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="folder of gold *.json files")
    ap.add_argument("--docs", help="folder holding the documents named in the gold files")
    ap.add_argument("--run", help="command template; {doc} is replaced by the document path")
    ap.add_argument("--pred-dir", help="folder of <document>.jsonl prediction files instead of --run")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--substantive", action="store_true", help="score only gold and predicted records that are not noting")
    ap.add_argument("--min-f1", type=float, default=None, help="exit 1 when overall F1 is below this")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args()
    if not args.pred_dir and not (args.docs and args.run):
        ap.error("give --docs and --run, or --pred-dir")

    tp = fp = fn = 0
    field_hits = {f: [0, 0] for f in FIELDS}
    per_doc = []
    for gold_path in sorted(Path(args.gold).glob("*.json")):
        gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = gold_doc["records"]
        pred = load_predictions(gold_doc["document"], args)
        if args.substantive:
            gold = [g for g in gold if not g.get("noting")]
            pred = [p for p in pred if not p.get("noting")]
        pairs = match(gold, pred)
        optional = {i for i, g in enumerate(gold) if g.get("optional")}
        absorbed = {j for i, j in pairs if i in optional}
        pairs = [(i, j) for i, j in pairs if i not in optional]
        d_tp = len(pairs)
        d_fp = len(pred) - d_tp - len(absorbed)
        d_fn = len(gold) - len(optional) - d_tp
        tp, fp, fn = tp + d_tp, fp + d_fp, fn + d_fn
        for i, j in pairs:
            for f in FIELDS:
                if f in gold[i]:
                    field_hits[f][1] += 1
                    if field_ok(f, gold[i][f], pred[j].get(f)):
                        field_hits[f][0] += 1
                    elif args.verbose:
                        print(f"  {gold_doc['document']}: {f}: gold={gold[i][f]!r} got={pred[j].get(f)!r}")
        if args.verbose:
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            for i, g in enumerate(gold):
                if i not in matched_g and i not in optional:
                    print(f"  {gold_doc['document']}: MISSED {g.get('code')}: {g['text'][:100]}")
            for j, p in enumerate(pred):
                if j not in matched_p and j not in absorbed:
                    print(f"  {gold_doc['document']}: EXTRA {p.get('code')}: {str(p.get('text'))[:100]}")
        per_doc.append((gold_doc["document"], len(gold) - len(optional), d_tp + d_fp, d_tp))

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    fields = {f: (h / n if n else None) for f, (h, n) in field_hits.items()}
    summary = {"documents": len(per_doc), "gold": tp + fn, "predicted": tp + fp, "matched": tp,
               "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
               "fields": {f: (round(v, 3) if v is not None else None) for f, v in fields.items()},
               "per_document": {n: {"gold": g, "predicted": p, "matched": m,
                                    "f1": round(2 * m / (g + p), 3) if g + p else 1.0} for n, g, p, m in per_doc}}
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        for name, g, p, m in per_doc:
            f = 2 * m / (g + p) if g + p else 1.0
            print(f"{name:50s} gold {g:3d}  predicted {p:3d}  matched {m:3d}  F1 {f:.2f}")
        print("field accuracy on matched records: " + ", ".join(
            f"{f} {v:.2f}" for f, v in fields.items() if v is not None))
        print(f"records: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    if args.min_f1 is not None and f1 < args.min_f1:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
