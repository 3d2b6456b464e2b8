"""MiniLM encoder with two token heads: SI (O/B/I) and technique (14, multi-label)."""

from __future__ import annotations

import torch
from encoder_data import N_TECH
from torch import nn
from transformers import BertModel

STATE_LAYERS = (3, 6)  # hidden layers concatenated for the TC span features


class PropagandaTagger(nn.Module):
    def __init__(self, encoder: BertModel) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.si_head = nn.Linear(hidden, 3)
        self.tech_head = nn.Linear(hidden, N_TECH)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True)
        last = self.dropout(out.last_hidden_state)
        states = torch.cat([out.hidden_states[i] for i in STATE_LAYERS], dim=-1)
        return self.si_head(last), self.tech_head(last), states
