"""Export what would ship, and measure the candidate inference runtimes.

    .venv/bin/python training/encoder/export.py export --weights training/encoder/work/epoch6.pt
    .venv/bin/python training/encoder/export.py bench [--threads 2]

`export` writes training/encoder/work/export/:
  upper.int8.onnx    the fine-tuned top layers (states after the frozen layers + mask -> final states, SI
                     and quote tag logits), int8 dynamic quantisation (per channel)  <- ships as the quotes graph
  upper.wq.onnx      the same with its weights stored in 4 bits (feed-forward) or 8 bits (attention) and
                     computed in fp32 (no activation is quantised)                    <- ships as the upper graph
  heads.npz          TC and check-worthiness heads (fp16), run in numpy on pooled states  <- ships
  lower.fp32.onnx, lower.int8.onnx   the frozen lower part (embeddings + the frozen layers, on to layer 8)
                     built from the base weights: the states the upper graph reads ("states") and the
                     states after layers 6 and 8, which the claims head and the quotes graph read ("claim_states",
                     "quote_states"); NOT shipped (the
                     product builds it at first use from the assembled safetensors, `lower.skeleton.onnx`
                     ships), exported here to measure speed and agreement
  export.json        sizes, checksums and the fp32-vs-int8 agreement
`bench` times one 1,000-token article (two windows of 534 tokens, one batch) through each runtime
in a fresh subprocess and reports seconds per article, articles/s and peak RSS:
  ort-int8 (lower int8 + upper int8), ort-fp32-lower (lower fp32 + upper int8), numpy-fp32 (all 12
  layers in numpy), torch-fp32 (reference).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

EXPORT = Path(os.environ.get("NEWSPROBE_ENCODER_EXPORT", HERE / "work" / "export"))
FEED_FORWARD_SCOPES = ("/intermediate/dense/", "/output/dense/")  # the node names of a layer's two FFN MatMuls
QUOTES_LOWER = 8  # the shipped quotes graph reads the states after layer 8, whatever the upper graph's split
CLAIMS_LOWER = 6  # the best profile's check-worthiness head reads the mean of the states after layer 6
LOWER_OUTPUTS = {"states": None, "claim_states": CLAIMS_LOWER, "quote_states": QUOTES_LOWER}  # None: the frozen split
ARTICLE_TOKENS = 1000


# ---------------------------------------------------------------- export


def build_modules(weights: Path | None, quotes: bool = True):
    import torch
    from model import LOWER, Lower, MultiTask, cached_lower, load_base
    from sources import ensure_base_weights

    base = load_base(ensure_base_weights())
    frozen = cached_lower(weights.parent / "cache") if weights is not None else LOWER  # the run's own split
    model = MultiTask(base, frozen)
    if weights is not None:
        model.load_state_dict(torch.load(weights, map_location="cpu"))
    model.eval()

    class LowerGraph(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.depths = tuple(frozen if depth is None else depth for depth in LOWER_OUTPUTS.values())
            self.lower = Lower(base, max(self.depths))

        def forward(self, input_ids, attention_mask):
            states = self.lower.states_after(input_ids, attention_mask, self.depths)
            # one tensor cannot be two graph outputs: a depth asked for twice is given as a copy
            first = [self.depths.index(d) == k for k, d in enumerate(self.depths)]
            return tuple(h if kept else h.clone() for h, kept in zip(states, first, strict=True))

    class UpperGraph(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, states, attention_mask):
            h = self.model.upper(states, attention_mask)
            if not quotes:
                return h, self.model.heads.si(h)
            return h, self.model.heads.si(h), self.model.heads.quote(h)

    return LowerGraph().eval(), UpperGraph().eval(), model


def export(weights: Path | None, out: Path, tasks: str = "ptc,polnear,ct24", attention_bits: int = 8) -> dict:
    """`tasks` names what `weights` were trained on (train.py --tasks): untrained heads are left out.
    `attention_bits`: 8, or 4 to fit more trained layers in the upper graph's budget."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sources import file_sha256

    torch.set_num_threads(2)
    out.mkdir(parents=True, exist_ok=True)
    trained = tasks.split(",")
    quotes = "polnear" in trained
    lower, upper, model = build_modules(weights, quotes)
    outputs = ["final", "si_logits", "quote_logits"] if quotes else ["final", "si_logits"]
    ids = torch.randint(5, 30000, (2, 40))
    mask = torch.ones_like(ids)
    mask[1, 30:] = 0
    with torch.no_grad():
        h = lower(ids, mask)[0]
        torch.onnx.export(
            lower,
            (ids, mask),
            str(out / "lower.fp32.onnx"),
            input_names=["input_ids", "attention_mask"],
            output_names=list(LOWER_OUTPUTS),
            opset_version=17,
            dynamo=False,
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", *LOWER_OUTPUTS)},
        )
        upper_fp32 = out / "upper.fp32.onnx"
        torch.onnx.export(
            upper,
            (h, mask),
            str(upper_fp32),
            input_names=["states", "attention_mask"],
            output_names=outputs,
            opset_version=17,
            dynamo=False,
            dynamic_axes={
                "states": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                **{name: {0: "batch", 1: "tokens"} for name in outputs},
            },
        )
    write_skeleton(out / "lower.fp32.onnx", out / "lower.skeleton.onnx")
    # The FFN output projections (input: GELU activations with outlier dimensions) lose the most under
    # dynamic int8: token-state cosine to fp32 after 8 layers 0.929 with them, 0.989 without (measured on
    # PTC text). The lower part is built at first use and never shipped, so it keeps them in fp32.
    quantize_dynamic(
        str(out / "lower.fp32.onnx"),
        str(out / "lower.int8.onnx"),
        weight_type=QuantType.QInt8,
        per_channel=True,
        nodes_to_exclude=ffn_out_nodes(out / "lower.fp32.onnx"),
    )
    quantize_dynamic(str(upper_fp32), str(out / "upper.int8.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    weights_quantised(upper_fp32, out / "upper.wq.onnx", attention_bits)
    upper_fp32.unlink()
    heads = {
        f"{name}.{k}": v.detach().numpy().astype(np.float16)
        for name in ("tc", "claim")
        if name == "tc" or "ct24" in trained
        for k, v in getattr(model.heads, name).state_dict().items()
    }
    np.savez(out / "heads.npz", **heads)
    info = {
        "weights": str(weights) if weights else "untrained upper (base layers 9-12, random heads)",
        "files": {
            p.name: {"bytes": p.stat().st_size, "sha256": file_sha256(p)}
            for p in sorted(out.glob("*"))
            if p.suffix in (".onnx", ".npz")
        },
    }
    shipped = "upper.int8.onnx" if quotes else "upper.wq.onnx"  # the quotes graph, or the upper graph
    info["shipped_bytes"] = info["files"][shipped]["bytes"] + info["files"]["heads.npz"]["bytes"]
    info["agreement"] = agreement(out, lower, upper)
    (out / "export.json").write_text(json.dumps(info, indent=2))
    return info


def write_skeleton(lower_fp32: Path, target: Path) -> None:
    """The lower graph with every tensor that comes from the base weights emptied, and in its metadata
    where each comes from (`newsprobe.analyse.mpnet.lower_graph` fills them in at first use): what ships
    instead of the base layers. Fails if a large tensor matches no base tensor."""
    import onnx
    from onnx import numpy_helper
    from sources import ensure_base_weights, lower_recipe_key

    base = load_safetensors(ensure_base_weights() / "model.safetensors")
    known: dict[tuple, tuple[str, bool]] = {}
    for name, tensor in base.items():
        tensor = np.ascontiguousarray(tensor, dtype=np.float32)
        known[(tensor.shape, hashlib.sha1(tensor.tobytes()).hexdigest())] = (name, False)
        if tensor.ndim == 2:
            flipped = np.ascontiguousarray(tensor.T)
            known.setdefault((flipped.shape, hashlib.sha1(flipped.tobytes()).hexdigest()), (name, True))
    model = onnx.load(str(lower_fp32))
    recipe, unmatched = {}, []
    for initializer in model.graph.initializer:
        array = numpy_helper.to_array(initializer)
        if array.dtype != np.float32 or array.size < 64:
            continue
        key = (array.shape, hashlib.sha1(np.ascontiguousarray(array).tobytes()).hexdigest())
        if key not in known:
            unmatched.append((initializer.name, array.shape))
            continue
        recipe[initializer.name] = known[key]
        initializer.ClearField("raw_data")
        initializer.ClearField("float_data")
    if unmatched:
        raise SystemExit(f"lower graph tensors not found in the base weights: {unmatched[:5]}")
    entry = model.metadata_props.add()
    entry.key, entry.value = lower_recipe_key(), json.dumps(recipe, sort_keys=True)
    onnx.save(model, str(target))


def weights_quantised(fp32: Path, target: Path, attention_bits: int = 8) -> None:
    """`fp32` with each MatMul's weights stored in few bits and multiplied in fp32 (ONNX Runtime's MatMulNBits at
    accuracy level 1): no activation is quantised, so no CPU can saturate a product. The feed-forward weights (two
    thirds of a layer's) take 4 bits with a scale per block of 32 inputs, the attention weights 8 bits with a scale
    per block of 256: six trained layers then fit issue 18's 40 MB (32.4 MB; all in 8 bits, 43.5 MB). On the top-6
    run, final-state cosine to fp32 0.990 (all in 8 bits: 0.997) with the highlights unchanged (training/encoder/
    README.md). With `attention_bits=4` the attention weights take 4 bits per block of 32 too."""
    import logging

    import onnx
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)
    model = onnx.load(str(fp32))
    matmuls = [node.name for node in model.graph.node if node.op_type == "MatMul"]
    feed_forward = {name for scope in FEED_FORWARD_SCOPES for name in _matmuls_under(model.graph, scope)}
    four_bit = set(matmuls) if attention_bits == 4 else feed_forward
    for bits, block, excluded in ((4, 32, set(matmuls) - four_bit), (8, 256, set())):
        quantizer = MatMulNBitsQuantizer(
            model, bits=bits, block_size=block, is_symmetric=True, accuracy_level=1, nodes_to_exclude=sorted(excluded)
        )
        quantizer.process()
        model = quantizer.model.model
    onnx.save(model, str(target))


def ffn_out_nodes(path: Path) -> list[str]:
    import onnx

    return _matmuls_under(onnx.load(str(path), load_external_data=False).graph, "/output/dense/")


def _matmuls_under(graph, scope: str) -> list[str]:
    return [n.name for n in graph.node if n.op_type == "MatMul" and scope in n.name and "/attention/" not in n.name]


def agreement(out: Path, lower, upper) -> dict:
    results = {}
    for name in ("upper.int8.onnx", "upper.wq.onnx"):
        results[name] = agreement_with(out, lower, upper, name)
    return results


def agreement_with(out: Path, lower, upper, upper_file: str) -> dict:
    """int8 ORT vs torch fp32 on real text: cosine of final states, argmax agreement of the tag heads."""
    import data as D
    import onnxruntime as ort
    import torch
    from sources import ensure_base_weights

    tokenizer = D.load_tokenizer(ensure_base_weights())
    articles, _ = D.ptc_train()
    texts = [articles[a] for a in sorted(articles) if D.is_ptc_validation(a)][:4]
    bos, eos, _ = D.special_ids(tokenizer)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    lo = ort.InferenceSession(str(out / "lower.int8.onnx"), options, providers=["CPUExecutionProvider"])
    up = ort.InferenceSession(str(out / upper_file), options, providers=["CPUExecutionProvider"])
    cos, si_agree, quote_agree = [], [], []
    for text in texts:
        ids, _ = D.tokenise(tokenizer, text)
        piece = np.concatenate([[bos], ids[:510], [eos]]).astype(np.int64)[None]
        mask = np.ones_like(piece)
        with torch.no_grad():
            h = lower(torch.from_numpy(piece), torch.from_numpy(mask))[0]
            ref = [t.numpy() for t in upper(h, torch.from_numpy(mask))]
        (states,) = lo.run(["states"], {"input_ids": piece, "attention_mask": mask})
        got = up.run(None, {"states": states, "attention_mask": mask})
        a, b = ref[0][0], got[0][0]
        cos.append(float(np.mean(np.sum(a * b, -1) / (np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1)))))
        si_agree.append(float(np.mean(ref[1][0].argmax(-1) == got[1][0].argmax(-1))))
        if len(ref) > 2:
            quote_agree.append(float(np.mean(ref[2][0].argmax(-1) == got[2][0].argmax(-1))))
    measured = {
        "state_cosine_mean": float(np.mean(cos)),
        "si_argmax_agreement": float(np.mean(si_agree)),
        "windows": len(texts),
    }
    if quote_agree:
        measured["quote_argmax_agreement"] = float(np.mean(quote_agree))
    return measured


# ---------------------------------------------------------------- numpy runtime (speed candidate)


def numpy_forward(ids: np.ndarray, mask: np.ndarray, weights: dict) -> np.ndarray:
    """All 12 MPNet layers in numpy fp32 (GELU by its tanh approximation; speed comparison only)."""

    def layer_norm(x, g, b, eps=1e-5):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + eps) * g + b

    batch, length = ids.shape
    pos = np.arange(length) + 2
    x = weights["embeddings.word_embeddings.weight"][ids] + weights["embeddings.position_embeddings.weight"][pos][None]
    x = layer_norm(x, weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
    rel = pos[None, :] - pos[:, None]
    n = -rel
    bucket = (n < 0).astype(np.int64) * 16
    n = np.abs(n)
    large = 8 + (np.log(np.maximum(n, 1) / 8) / np.log(128 / 8) * 8).astype(np.int64)
    bucket += np.where(n < 8, n, np.minimum(large, 15))
    bias = weights["encoder.relative_attention_bias.weight"][bucket].transpose(2, 0, 1)[None]
    additive = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
    for i in range(12):

        def w(k: str, prefix: str = f"encoder.layer.{i}.") -> np.ndarray:
            return weights[prefix + k]

        q = (
            (x @ w("attention.attn.q.weight").T + w("attention.attn.q.bias"))
            .reshape(batch, length, 12, 64)
            .transpose(0, 2, 1, 3)
        )
        k = (
            (x @ w("attention.attn.k.weight").T + w("attention.attn.k.bias"))
            .reshape(batch, length, 12, 64)
            .transpose(0, 2, 1, 3)
        )
        v = (
            (x @ w("attention.attn.v.weight").T + w("attention.attn.v.bias"))
            .reshape(batch, length, 12, 64)
            .transpose(0, 2, 1, 3)
        )
        s = q @ k.transpose(0, 1, 3, 2) / 8.0 + bias + additive
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        c = (s @ v).transpose(0, 2, 1, 3).reshape(batch, length, 768)
        a = layer_norm(
            c @ w("attention.attn.o.weight").T + w("attention.attn.o.bias") + x,
            w("attention.LayerNorm.weight"),
            w("attention.LayerNorm.bias"),
        )
        hmid = a @ w("intermediate.dense.weight").T + w("intermediate.dense.bias")
        hmid = 0.5 * hmid * (1 + np.tanh(0.7978845608 * (hmid + 0.044715 * hmid**3)))
        x = layer_norm(
            hmid @ w("output.dense.weight").T + w("output.dense.bias") + a,
            w("output.LayerNorm.weight"),
            w("output.LayerNorm.bias"),
        )
    return x


def load_safetensors(path: Path) -> dict:
    """numpy views of a safetensors file (stdlib + numpy, memory-mapped)."""
    with open(path, "rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        dtype = {"F32": np.float32, "F16": np.float16, "I64": np.int64}[meta["dtype"]]
        out[name] = raw[8 + size + start : 8 + size + end].view(dtype).reshape(meta["shape"])
    return out


# ---------------------------------------------------------------- bench


def article_batch() -> tuple[np.ndarray, np.ndarray]:
    import data as D

    rng = np.random.default_rng(0)
    bounds = D.window_bounds(ARTICLE_TOKENS)
    length = max(e - s for s, e in bounds) + 2
    ids = np.ones((len(bounds), length), np.int64)
    mask = np.zeros_like(ids)
    body = rng.integers(1000, 30000, ARTICLE_TOKENS)
    for row, (s, e) in enumerate(bounds):
        ids[row, : e - s + 2] = np.concatenate([[0], body[s:e], [2]])
        mask[row, : e - s + 2] = 1
    return ids, mask


def bench_one(kind: str, threads: int, repeats: int) -> dict:
    ids, mask = article_batch()
    started = time.time()
    if kind.startswith("ort"):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        lower_file = "lower.int8.onnx" if kind == "ort-int8" else "lower.fp32.onnx"
        lo = ort.InferenceSession(str(EXPORT / lower_file), options, providers=["CPUExecutionProvider"])
        up = ort.InferenceSession(str(EXPORT / "upper.int8.onnx"), options, providers=["CPUExecutionProvider"])

        def run():
            h = lo.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            return up.run(None, {"states": h, "attention_mask": mask})
    elif kind == "numpy-fp32":
        from sources import ensure_base_weights

        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        weights = {
            k: np.ascontiguousarray(v) for k, v in load_safetensors(ensure_base_weights() / "model.safetensors").items()
        }

        def run():
            return numpy_forward(ids, mask.astype(np.float32), weights)
    else:
        import torch

        torch.set_num_threads(threads)
        lower, upper, _ = build_modules(None)
        t_ids, t_mask = torch.from_numpy(ids), torch.from_numpy(mask)

        def run():
            with torch.no_grad():
                return upper(lower(t_ids, t_mask)[0], t_mask)

    load_seconds = time.time() - started
    run()  # warm-up
    times = []
    for _ in range(repeats):
        t = time.time()
        run()
        times.append(time.time() - t)
    per_article = float(np.median(times))
    return {
        "runtime": kind,
        "threads": threads,
        "seconds_per_article": per_article,
        "articles_per_s": 1 / per_article,
        "tokens_per_s": ARTICLE_TOKENS / per_article,
        "load_seconds": load_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load_average": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export")
    e.add_argument(
        "--weights", type=Path, default=None, help="work/epochN.pt (default: untrained upper, for speed tests)"
    )
    e.add_argument("--out", type=Path, default=EXPORT)
    e.add_argument("--tasks", default="ptc,polnear,ct24", help="what the weights were trained on (train.py --tasks)")
    e.add_argument("--attention-bits", type=int, choices=(4, 8), default=8, help="the upper graph's attention weights")
    b = sub.add_parser("bench")
    b.add_argument("--threads", type=int, default=2)
    b.add_argument("--repeats", type=int, default=5)
    b.add_argument("--runtimes", default="ort-int8,ort-fp32-lower,numpy-fp32,torch-fp32")
    one = sub.add_parser("bench-one")
    one.add_argument("kind")
    one.add_argument("--threads", type=int, default=2)
    one.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.command == "export":
        print(json.dumps(export(args.weights, args.out, args.tasks, args.attention_bits), indent=2))
    elif args.command == "bench-one":
        print(json.dumps(bench_one(args.kind, args.threads, args.repeats)))
    else:
        results = []
        for kind in args.runtimes.split(","):
            env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), HF_HUB_OFFLINE="1")
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "bench-one",
                    kind,
                    "--threads",
                    str(args.threads),
                    "--repeats",
                    str(args.repeats),
                ],
                capture_output=True,
                text=True,
                env=env,
            )
            line = [x for x in done.stdout.splitlines() if x.startswith("{")]
            results.append(json.loads(line[-1]) if line else {"runtime": kind, "error": done.stderr[-2000:]})
            print(json.dumps(results[-1]), flush=True)
        (EXPORT / "bench.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
