#!/bin/sh
# Copies petrarch2's default English dictionaries, and UniversalPetrarch's coding ontology,
# here and checks them (see README.md).
set -eu
src=${1:?usage: refresh.sh PATH/TO/petrarch2/dictionaries PATH/TO/UniversalPetrarch/data/dictionaries}
usrc=${2:?usage: refresh.sh PATH/TO/petrarch2/dictionaries PATH/TO/UniversalPetrarch/data/dictionaries}
here=$(cd "$(dirname "$0")" && pwd)
for f in CAMEO.2.0.txt Phoenix.Countries.actors.txt Phoenix.International.actors.txt \
         Phoenix.MilNonState.actors.txt Phoenix.agents.txt Phoenix.discards.txt; do
  cp "$src/$f" "$here/$f"
done
cp "$usrc/PETR.Internal.Coding.Ontology.txt" "$here/"
cd "$here" && sha256sum -c SHA256SUMS
