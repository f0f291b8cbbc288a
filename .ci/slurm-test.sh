#!/usr/bin/env bash
# The real Slurm test: installs Debian's Slurm and MUNGE, starts a one-node cluster on this
# machine (munged, slurmctld -D, slurmd -D, a minimal slurm.conf, all state in a fresh temporary
# directory), submits docs/slurm/sweep-array.sbatch with the shipped small spec, merges the
# shards and compares the CSV byte for byte with a single-process run. Every daemon it started is
# stopped by its process id at exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
SPEC=sweeps/clock-ensemble-small.json

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

WORK="$(mktemp -d /tmp/chronotope-slurm.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
stop_all() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    echo "slurm test failed; logs:" >&2
    tail -n 20 "$WORK"/*.log "$WORK"/munge/*.log "$WORK"/slurm-*.out 2>/dev/null >&2 || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap stop_all EXIT

# MUNGE: its own socket, pid and log in a directory owned by the munge user (there is no sudo:
# runuser). The key is the one the package generated.
mkdir -p "$WORK/munge"
chown munge:munge "$WORK/munge"
chmod 755 "$WORK/munge"
SOCKET="$WORK/munge/munge.socket"
runuser -u munge -- munged --socket="$SOCKET" --pid-file="$WORK/munge/munged.pid" \
  --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed"
for _ in $(seq 50); do [ -s "$WORK/munge/munged.pid" ] && break; sleep 0.1; done
PIDS+=("$(cat "$WORK/munge/munged.pid")")

# Free ports for the two daemons (another cluster may use the defaults).
read -r CTLD_PORT SLURMD_PORT < <(node -e '
  const net = require("node:net");
  const free = () => new Promise((r) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => r(p)); }); });
  Promise.all([free(), free()]).then((p) => console.log(p.join(" ")));')

HOST="$(hostname -s)"
CPUS="$(nproc)"
mkdir -p "$WORK/state" "$WORK/spool"
export SLURM_CONF="$WORK/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=chronotope
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
AuthType=auth/munge
AuthInfo=socket=$SOCKET
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
ReturnToService=2
SchedulerParameters=batch_sched_delay=0
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

START=$(date +%s.%N)
slurmctld -D -f "$SLURM_CONF" >"$WORK/slurmctld.stdout.log" 2>&1 &
PIDS+=("$!")
slurmd -D -f "$SLURM_CONF" >"$WORK/slurmd.stdout.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 100); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then break; fi
  sleep 0.1
done
sinfo -h -o '%T' | grep -qE '^(idle|mixed|allocated)' || { echo "slurm: the node did not come up" >&2; exit 1; }
echo "slurm: one-node cluster up in $(awk "BEGIN { printf \"%.2f\", $(date +%s.%N) - $START }") s"

# The shipped job-array script, as written; results go to the temporary directory.
JOB=$(sbatch --parsable --chdir="$REPO" --output="$WORK/slurm-%A_%a.out" docs/slurm/sweep-array.sbatch "$SPEC" "$WORK/shards")
echo "slurm: submitted array job $JOB"
# sbatch --wait polls slowly; squeue answers at once.
for _ in $(seq 1200); do
  [ -z "$(squeue -h -j "$JOB" 2>/dev/null)" ] && break
  sleep 0.25
done
[ -z "$(squeue -h -j "$JOB")" ] || { echo "slurm: job $JOB did not finish in 5 minutes" >&2; exit 1; }

node bin/chronotope sweep merge "$WORK/shards" --out "$WORK/slurm.csv"
node bin/chronotope sweep "$SPEC" --out "$WORK/single" --workers 1
node bin/chronotope sweep merge "$WORK/single" --out "$WORK/single.csv"
cmp "$WORK/slurm.csv" "$WORK/single.csv"
ls "$WORK/shards/shards"
echo "slurm: $(($(wc -l <"$WORK/slurm.csv") - 1)) rows from 3 array tasks, byte-identical to the single-process run"
