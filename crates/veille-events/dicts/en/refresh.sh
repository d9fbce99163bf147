#!/bin/sh
# Copies petrarch2's default English dictionaries here and checks them (see README.md).
set -eu
src=${1:?usage: refresh.sh PATH/TO/petrarch2/dictionaries}
here=$(cd "$(dirname "$0")" && pwd)
for f in CAMEO.2.0.txt Phoenix.Countries.actors.txt Phoenix.International.actors.txt \
         Phoenix.MilNonState.actors.txt Phoenix.agents.txt Phoenix.discards.txt; do
  cp "$src/$f" "$here/$f"
done
cd "$here" && sha256sum -c SHA256SUMS
