#!/usr/bin/env bash
# Fuzzes the input loaders with libFuzzer (issue 9). Not part of CI.
#
#   scripts/fuzz.sh [csv|yaml|both] [SECONDS]     default: both, 300 seconds each
#
# Builds .build/fuzz/LoanBookFuzz from Fuzz/LoanBookFuzz.swift and the LoanBookIO sources
# (without the output writers that need swift-crypto) with -sanitize=fuzzer,address, linked
# against the LoanBook and Yams objects of a normal debug build. The LoanBookIO code is
# therefore instrumented for coverage and checked by AddressSanitizer; the normal
# `swift build` is not affected.
#
# Corpora grow in .build/fuzz/corpus-<target>/ (seeded from scenarios/ and the tests' fixtures);
# a crash is written to .build/fuzz/crash-<target>-*; turn each into a regression test in
# Tests/LoanBookIOTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
seconds=${2:-300}
out=.build/fuzz
mkdir -p "$out"

swift build --product loanbook >/dev/null
debug=$(swift build --show-bin-path)

io_sources=$(ls Sources/LoanBookIO/*.swift Sources/LoanBookIO/*/*.swift |
  grep -v -e Manifest.swift -e ReportHTML.swift -e RunOutputs.swift -e ScenarioInputs.swift)
objects=$(find "$debug/LoanBook.build" "$debug/Yams.build" "$debug/CYaml.build" -name "*.o")
yams_include=$(dirname "$(find .build/checkouts/Yams -name yaml.h -path '*CYaml/include*' | head -1)")

echo "fuzz: compiling $out/LoanBookFuzz" >&2
swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone -module-name LoanBookFuzz \
  -I "$debug/Modules" -I "$yams_include" -I Sources/COpenBLAS -Xcc -I -Xcc "$yams_include" \
  Fuzz/LoanBookFuzz.swift $io_sources $objects -lopenblas \
  -o "$out/LoanBookFuzz"

seed_corpus() {
  local target=$1 dir=$out/corpus-$1
  mkdir -p "$dir"
  if [ "$target" = csv ]; then
    head -c 4000 scenarios/books/nijmegen-2014.csv > "$dir/seed-book.csv"
    cp scenarios/books/nijmegen-2014.history.csv "$dir/seed-history.csv"
    printf 'id;kind;segment;sector;vintage;balance;annual_rate;remaining_months;repayment;status;risk_class;deferral_used_months\r\n"B;1";bk;starter;retail;2012;12345,67;0,08;36;annuity;performing;C;0\r\n' > "$dir/seed-dutch.csv"
  else
    cp scenarios/*.yaml "$dir/"
  fi
}

run() {
  local target=$1
  seed_corpus "$target"
  echo "fuzz: $target for ${seconds}s" >&2
  local start=$SECONDS status=0
  LOANBOOK_FUZZ_TARGET=$target "$out/LoanBookFuzz" "$out/corpus-$target" \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/crash-$target-" -print_final_stats=1 || status=$?
  echo "fuzz: $target ran $((SECONDS - start))s, exit $status, corpus $(ls "$out/corpus-$target" | wc -l) inputs" >&2
  return $status
}

case $which in
  csv|yaml) run "$which" ;;
  both) run csv; run yaml ;;
  *) echo "usage: scripts/fuzz.sh [csv|yaml|both] [SECONDS]" >&2; exit 2 ;;
esac
