#!/usr/bin/env python3
"""An archive and a daily batch for timing the persistent index (scripts/bench-index).

Usage: index_corpus.py ARCHIVE BATCH OUTPUT_PREFIX [SEED]

Writes OUTPUT_PREFIX-archive.jsonl (ARCHIVE articles) and OUTPUT_PREFIX-batch.jsonl (BATCH
articles). Articles are news-like text of pseudo-words, as in unique_corpus.py: a headline and
4-8 paragraphs of 3-5 sentences drawn from a 50,000-word vocabulary (about 2.5 KB), so two
unrelated articles share no sentence, and from 40 outlets.

- The archive: 70 % original articles, 30 % copies of earlier archive articles, interleaved
  (5-15 % of the words edited, the last paragraphs dropped, or a boilerplate line added), as a
  real archive holds earlier syndication.
- The batch: 70 % new original articles, 20 % copies of archive articles (the day's pickups of
  older copy, which the index must find), 10 % copies of earlier batch articles (same-day
  syndication).

Each article's text is a function of the seed and its number alone (a random generator of its
own), so a copy regenerates its source instead of keeping the archive's texts in memory: a
million articles keep only their numbers (about 200 MB). A line of OUTPUT_PREFIX-truth.tsv per copy names it and its
source.
"""
import json
import random
import sys

from pseudo_news import make_vocabulary, variant

archive_count, batch_count, prefix = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7
setup = random.Random(seed)
vocabulary = make_vocabulary(setup)
outlets = [f"Outlet {number:02d}" for number in range(40)]


def original(number):
    """The text of original article `number` (archive and batch numbers share one space)."""
    rng = random.Random(seed * 1_000_003 + number)
    paragraphs = []
    for _ in range(rng.randint(4, 8)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            sentences.append(" ".join(rng.choices(vocabulary, k=rng.randint(8, 22))).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return f"Headline number {number} {rng.choice(vocabulary)}\n" + "\n".join(paragraphs) + "\n"


def write(path, ids, truth):
    rng = random.Random(seed + len(ids))
    originals = []  # (number of the original, id) of this file so far
    with open(path, "w") as out:
        for number, (identifier, kind, pool) in enumerate(ids):
            if kind == "original" or (kind != "archive" and not originals):
                text = original(identifier[1])
                originals.append(identifier)
            else:
                source = rng.choice(pool) if kind == "archive" else rng.choice(originals)
                text = variant(original(source[1]), rng, vocabulary)
                truth.write(f"{identifier[0]}\t{source[0]}\n")
            record = {"id": identifier[0], "outlet": outlets[rng.randrange(len(outlets))], "text": text}
            out.write(json.dumps(record) + "\n")
    return originals


with open(prefix + "-truth.tsv", "w") as truth:
    plan = []
    for index in range(archive_count):
        plan.append(((f"a{index:07d}", index), "original" if index % 10 < 7 else "copy", None))
    kept = write(prefix + "-archive.jsonl", plan, truth)
    plan = []
    for index in range(batch_count):
        share = index % 10
        kind = "original" if share < 7 else ("archive" if share < 9 else "batch")
        plan.append(((f"b{index:07d}", archive_count + index), kind, kept if kind == "archive" else None))
    write(prefix + "-batch.jsonl", plan, truth)
