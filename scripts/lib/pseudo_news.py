"""Pseudo-word news text shared by the scale and index corpus generators
(unique_corpus.py, index_corpus.py): the vocabulary, and how a copy of an article is made."""

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def make_vocabulary(rng, size=50_000):
    """`size` pseudo-words of 2-9 letters drawn with `rng`."""
    return ["".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 9))) for _ in range(size)]


def variant(text, rng, vocabulary):
    """A syndicated copy of `text`: half the time 5-15 % of its words replaced from
    `vocabulary`, 30 % of the time its last paragraphs dropped (50-90 % of the lines kept),
    otherwise a boilerplate line appended."""
    kind = rng.random()
    lines = text.split("\n")
    if kind < 0.5:
        words = text.split(" ")
        for _ in range(int(len(words) * rng.uniform(0.05, 0.15))):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        return " ".join(words)
    if kind < 0.8:
        keep = max(2, int(len(lines) * rng.uniform(0.5, 0.9)))
        return "\n".join(lines[:keep]) + "\n"
    return text + "Copyright the publisher. All rights reserved.\n"
