#!/usr/bin/env bash
# One scenario with many paths on a Slurm cluster: an array of N shards, then a merge that
# starts only when every shard succeeded. See docs/scale-out.md.
#
#   deploy/slurm/loanbook-sharded.sh scenarios/base.yaml 10000000 16 results/base
#
# Run from the repository (or a copy of it on the shared file system): the shards and the merge
# must see the same scenario and book files at the same relative paths.
set -euo pipefail
scenario=${1:?scenario YAML}
paths=${2:?number of paths}
shards=${3:?number of shards}
out=${4:?output directory}
seed=${SEED:-20140101}
loanbook=${LOANBOOK:-.build/release/loanbook}
mkdir -p "$out" "$out/logs"
# Memory: about 2.5 KB a path of results and statistics, and the memory guard wants twice what a
# process holds (docs/scale-out.md); a merge holds every path, a shard its slice.
gib() { echo $(( ($1 * 5000 + (1 << 30) - 1) / (1 << 30) + 2 )); }
shard_mem=$(gib $(( (paths + shards - 1) / shards )))
merge_mem=$(gib "$paths")

# The array: task i runs shard i of N (--shard auto/N reads SLURM_ARRAY_TASK_ID, counted
# from SLURM_ARRAY_TASK_MIN, so 1-N and 0-(N-1) both work).
array_job=$(sbatch --parsable \
  --job-name=loanbook-shards --array=1-"$shards" \
  --cpus-per-task=4 --mem="$shard_mem"G --time=12:00:00 \
  --output="$out/logs/shard-%a.log" \
  --wrap="$loanbook run $scenario --paths $paths --seed $seed --shard auto/$shards --out $out/shard-\$SLURM_ARRAY_TASK_ID --quiet")

# The merge: only after every array task ended with status 0.
sbatch --parsable \
  --job-name=loanbook-merge --dependency=afterok:"$array_job" \
  --cpus-per-task=1 --mem="$merge_mem"G --time=2:00:00 \
  --output="$out/logs/merge.log" \
  --wrap="$loanbook merge $out/shard-* --out $out/merged"
