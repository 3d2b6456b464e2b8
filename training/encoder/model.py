"""The shared encoder split in two (frozen lower layers, fine-tuned upper layers) and the task heads.

MPNet (all-mpnet-base-v2): 12 layers x 768. The lower LOWER layers run once over every window
(cache.py) and their output is stored in fp16; training runs the upper layers + heads on those
states. The relative-position bias table is shared by all layers and stays frozen (it belongs to
the base weights).
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import torch
from data import QUOTE_TAGS, SI_TAGS, TECHNIQUES
from torch import nn

LOWER = 8
HIDDEN = 768


def cached_lower(cache: Path, requested: int | None = None) -> int:
    """The number of frozen layers whose output a cache holds (`cache/layout.json`; caches older than the file
    hold LOWER). With `requested`, a cache built for another split is refused and a new one records it."""
    layout = cache / "layout.json"
    recorded = json.loads(layout.read_text())["lower"] if layout.exists() else None
    if requested is None:
        return LOWER if recorded is None else int(recorded)
    if recorded is None and any(cache.glob("*.f16")):
        recorded = LOWER
    if recorded is not None and recorded != requested:
        raise SystemExit(f"{cache} holds the states after layer {recorded}, not {requested}: use another --work")
    layout.write_text(json.dumps({"lower": requested}))
    return requested


def load_base(model_dir: Path):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers import MPNetModel

    model = MPNetModel.from_pretrained(str(model_dir), add_pooling_layer=False, local_files_only=True)
    model.eval()
    return model


def additive_mask(mask: torch.Tensor) -> torch.Tensor:
    """(B, L) 1/0 -> (B, 1, 1, L) additive attention mask."""
    return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min


def position_bias(encoder, length: int, batch: int) -> torch.Tensor:
    return encoder.compute_position_bias(torch.zeros(batch, length, 1))


class Lower(nn.Module):
    """Embeddings + the first `lower` layers (frozen)."""

    def __init__(self, base, lower: int = LOWER) -> None:
        super().__init__()
        self.embeddings = base.embeddings
        self.layers = nn.ModuleList(base.encoder.layer[:lower])
        self.encoder = base.encoder

    @torch.no_grad()
    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.states_after(ids, mask, (len(self.layers),))[0]

    @torch.no_grad()
    def states_after(self, ids: torch.Tensor, mask: torch.Tensor, depths: tuple[int, ...]) -> list[torch.Tensor]:
        """The states after each of `depths` layers (at most as many as this part has)."""
        positions = (torch.arange(ids.shape[1]) + 2)[None, :].expand_as(ids)  # MPNet: padding_idx + 1 + i
        h = self.embeddings(input_ids=ids, position_ids=positions)
        bias, extended = position_bias(self.encoder, ids.shape[1], ids.shape[0]), additive_mask(mask)
        kept = {0: h}
        for depth, layer in enumerate(self.layers, start=1):
            h = layer(h, extended, bias)[0]
            if depth in depths:
                kept[depth] = h
        return [kept[depth] for depth in depths]


class Upper(nn.Module):
    """The fine-tuned top layers (all above the first `lower`)."""

    def __init__(self, base, lower: int = LOWER) -> None:
        super().__init__()
        self.layers = nn.ModuleList(copy.deepcopy(base.encoder.layer[lower:]))
        self.relative_attention_bias = copy.deepcopy(base.encoder.relative_attention_bias)
        self.relative_attention_bias.weight.requires_grad_(False)

    def bias(self, length: int, batch: int) -> torch.Tensor:
        from transformers.models.mpnet.modeling_mpnet import MPNetEncoder

        position = torch.arange(length)
        bucket = MPNetEncoder.relative_position_bucket(position[None, :] - position[:, None], num_buckets=32)
        values = self.relative_attention_bias(bucket).permute(2, 0, 1).unsqueeze(0)
        return values.expand(batch, -1, length, length)

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        bias, extended = self.bias(h.shape[1], h.shape[0]), additive_mask(mask)
        for layer in self.layers:
            h = layer(h, extended, bias)[0]
        return h


class Heads(nn.Module):
    """SI (O/B/I), quote tags (7), TC (14, over pooled gold spans), check-worthiness (1, pooled sentence)."""

    def __init__(self, dropout: float = 0.1) -> None:
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.si = nn.Linear(HIDDEN, len(SI_TAGS))
        self.quote = nn.Linear(HIDDEN, len(QUOTE_TAGS))
        self.tc = nn.Sequential(
            nn.Linear(3 * HIDDEN, HIDDEN), nn.GELU(), nn.Dropout(dropout), nn.Linear(HIDDEN, len(TECHNIQUES))
        )
        self.claim = nn.Sequential(
            nn.Linear(2 * HIDDEN, HIDDEN // 2), nn.GELU(), nn.Dropout(dropout), nn.Linear(HIDDEN // 2, 1)
        )


def span_features(states: torch.Tensor, first: int, last: int) -> torch.Tensor:
    """[mean, first token, last token] over states[first:last] (one window's (L, H) states)."""
    piece = states[first:last]
    return torch.cat([piece.mean(0), piece[0], piece[-1]])


def sentence_features(states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """[mean over body tokens, <s> state] for a batch of single-sentence windows."""
    body = mask.clone().float()
    body[:, 0] = 0
    lengths = mask.sum(1)
    body[torch.arange(len(lengths)), lengths - 1] = 0
    mean = (states * body[..., None]).sum(1) / body.sum(1, keepdim=True).clamp(min=1)
    return torch.cat([mean, states[:, 0]], dim=-1)


class MultiTask(nn.Module):
    def __init__(self, base, lower: int = LOWER) -> None:
        super().__init__()
        self.upper = Upper(base, lower)
        self.heads = Heads()

    def encode(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.upper(h, mask)
