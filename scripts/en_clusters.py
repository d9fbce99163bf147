#!/usr/bin/env python3
"""Extracts the English Brown clusters that veille ships (crates/veille-nlp/models/clusters-en.bin).

Source: spaCy's spacy-lookups-data package, version 1.0.5 (MIT licence), table
`en_lexeme_cluster`: word -> cluster path as an integer, least significant bit first.

    pip download spacy-lookups-data==1.0.5 --no-deps -d /tmp/sld
    python3 scripts/en_clusters.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl > en_clusters.tsv
    veille build-clusters en_clusters.tsv

Writes `word<TAB>path` lines, in the table's own order, for words with a cluster (path != 0).
"""
import gzip
import json
import sys
import zipfile

MEMBER = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open(MEMBER) as raw:
        table = json.load(gzip.open(raw))
    out = sys.stdout
    for word, path in table.items():
        # Whitespace entries ("\n\n", " ") are spaCy's own tokens, never a word of ours.
        if path and word and word.strip() == word and "\t" not in word:
            out.write(f"{word}\t{path}\n")


if __name__ == "__main__":
    main()
