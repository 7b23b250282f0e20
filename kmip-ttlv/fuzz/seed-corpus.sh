#!/usr/bin/env bash
# Seeds the fuzz corpus with every binary message the repository has: the
# real-client captures, the published examples, and (through the vector
# round-trip test) every OASIS test-case message encoded to binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
corpus="$here/corpus"
mkdir -p "$corpus/decode" "$corpus/text_roundtrip" "$corpus/parse_text"
for f in "$root"/vectors/captures/*/*.hex "$root"/vectors/ttlv-examples/*/*/*.hex; do
  name="$(basename "$(dirname "$f")")-$(basename "$f" .hex)"
  python3 -c "import sys; sys.stdout.buffer.write(bytes.fromhex(open(sys.argv[1]).read()))" "$f" > "$corpus/decode/$name"
done
KMIP_FUZZ_SEED_DIR="$corpus/decode" cargo test -q --manifest-path "$root/Cargo.toml" -p kmip-ttlv --test vectors oasis >/dev/null
cp "$corpus/decode/"* "$corpus/text_roundtrip/"
for f in "$root"/vectors/ttlv-examples/*/*/*.xml "$root"/vectors/ttlv-examples/*/*/*.json "$root"/vectors/oasis/kmip-2.1/mandatory/*.xml; do
  cp "$f" "$corpus/parse_text/$(basename "$(dirname "$f")")-$(basename "$f")"
done
echo "seeded $(ls "$corpus/decode" | wc -l) files into $corpus"
