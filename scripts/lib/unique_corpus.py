#!/usr/bin/env python3
"""A news-like JSON Lines corpus whose unrelated articles share no sentences, for scale runs.

Usage: unique_corpus.py DOCUMENTS OUTPUT.jsonl [SEED]

70 % of the documents are base articles (a headline and 4-8 paragraphs of 3-5 sentences of
pseudo-words drawn from a 50,000-word vocabulary, about 2.5 KB); 30 % are copies of a base
article with 5-15 % of words edited, the last paragraphs dropped, or a boilerplate line added.
So the number of true reuse pairs grows linearly with the corpus, unlike make_corpus.py, whose
articles draw from 48,000 shared prose sentences: at 100,000 documents each sentence stands in
about 34 unrelated articles, and every two articles sharing two of them are real 'partial' reuse.
"""
import json
import random
import sys

from pseudo_news import make_vocabulary, variant

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
vocabulary = make_vocabulary(rng)


def sentence():
    words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def article(index):
    paragraphs = [" ".join(sentence() for _ in range(rng.randint(3, 5))) for _ in range(rng.randint(4, 8))]
    return f"Headline number {index} {rng.choice(vocabulary)}\n" + "\n".join(paragraphs) + "\n"


bases = int(count * 0.7)
texts = []
with open(out, "w") as f:
    for index in range(count):
        if index < bases or not texts:
            text = article(index)
            texts.append(text)
        else:
            text = variant(rng.choice(texts), rng, vocabulary)
        f.write(json.dumps({"id": f"u{index:07d}", "text": text}) + "\n")
