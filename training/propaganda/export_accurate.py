"""Export the fine-tuned tagger (work/accurate.pt) to int8 ONNX in src/newsprobe/weights/propaganda/.

.venv/bin/python training/propaganda/export_accurate.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import torch
from transformers import BertConfig, BertModel

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from encoder_data import base_model_dir
from model import PropagandaTagger

OUT = HERE.parents[1] / "src" / "newsprobe" / "weights" / "propaganda"
WORK = HERE / "work"


class Exported(torch.nn.Module):
    def __init__(self, tagger: PropagandaTagger) -> None:
        super().__init__()
        self.tagger = tagger

    def forward(self, input_ids, attention_mask):
        return self.tagger(input_ids, attention_mask)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", type=Path, default=WORK / "accurate.pt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(1)
    config = BertConfig.from_pretrained(base_model_dir())
    tagger = PropagandaTagger(BertModel(config, add_pooling_layer=False))
    tagger.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    tagger.eval()
    ids = torch.ones(2, 32, dtype=torch.long)
    mask = torch.ones(2, 32, dtype=torch.long)
    fp32 = out / "encoder.fp32.onnx" if out != OUT else WORK / "encoder.fp32.onnx"
    torch.onnx.export(
        Exported(tagger),
        (ids, mask),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["si_logits", "tech_logits", "states"],
        opset_version=17,
        dynamo=False,
        dynamic_axes={
            name: {0: "batch", 1: "tokens"}
            for name in ("input_ids", "attention_mask", "si_logits", "tech_logits", "states")
        },
    )
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(out / "encoder.int8.onnx"), weight_type=QuantType.QInt8)
    shutil.copy(Path(base_model_dir()) / "tokenizer.json", out / "tokenizer.json")
    print(f"wrote {out / 'encoder.int8.onnx'} ({(out / 'encoder.int8.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
