#!/usr/bin/env bash
# Rebuild src/newsprobe/weights/claims/ from CT24 train (needs `pip install -e .[train]`; torch==2.13.0 CPU).
# One thread throughout: the machine is shared. Fine-tuning takes about an hour on one busy core.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1
PY=.venv/bin/python
WORK=${WORK:-/tmp/claims-train}
mkdir -p "$WORK"

# 1. fast profile: lexical model + train-CV threshold
$PY training/claims/train_lexical.py
# 2. accurate profile: fine-tune MiniLM on train minus a 10 % calibration slice
$PY training/claims/finetune.py "$WORK/ft" --epochs 1 --max-minutes "${MAX_MINUTES:-62}"
# 3. export the fine-tuned encoder to ONNX int8 (+ tokenizer)
$PY training/claims/export_encoder.py "$WORK/ft/encoder" --space claims-minilm-ft-v1 --out "$WORK/enc"
# 4. encode the calibration slice, dev and dev-test with the int8 encoder
$PY training/claims/embed.py "$WORK/enc" "$WORK/emb.npz" "$WORK/ft/calibration.json"
# 5. mix with the lexical model, Platt-calibrate and pick the threshold on the calibration slice; ship
$PY training/claims/train_ensemble.py finetuned "$WORK/enc" "$WORK/emb.npz" "$WORK/ft"
# 6. best profile (needs `make install-best`): MPNet sentence-vector head + accurate, one logistic layer
if $PY -c 'import sys; from newsprobe.analyse import mpnet; sys.exit(not mpnet.available())'; then
  $PY training/claims/train_best.py --work "$WORK/best"
fi
$PY bench/checkworthy.py --threads 1
$PY training/claims/model_card.py
