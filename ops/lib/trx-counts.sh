# Sourced by ops/test.sh and ops/fault-suite.sh: trx_counts STATUS FILE... sums the counters of the TRX files given (missing
# ones are skipped) into $passed, $failed and $total. A test that did not pass counts as failed, and so does a non-zero STATUS
# from dotnet test when no test failed (a crash, a hang, a build error).
trx_counts() {
  local status=$1 trx counters
  shift
  passed=0
  failed=0
  total=0
  for trx in "$@"; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    total=$((total + $(trx_counter "$counters" total)))
    passed=$((passed + $(trx_counter "$counters" passed)))
    failed=$((failed + $(trx_counter "$counters" failed)))
  done
  if [ $((total - passed)) -gt "$failed" ]; then failed=$((total - passed)); fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
}

trx_counter() {
  local value
  value=$(echo "$1" | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p")
  echo "${value:-0}"
}

# trx_failures FILE... prints "failed: NAME" for every test that did not pass, so that the end of a long log says where to look.
trx_failures() {
  local trx
  for trx in "$@"; do
    [ -f "$trx" ] || continue
    grep -o '<UnitTestResult [^>]*>' "$trx" | grep -v -E 'outcome="(Passed|NotExecuted)"' |
      sed -n 's/.*testName="\([^"]*\)".*/failed: \1/p' | sed 's/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g'
  done
}
