"""The shared encoder of the `best` profile: all-mpnet-base-v2 with its top 8 layers fine-tuned for propaganda
spans and techniques, and a second copy of its top 4 layers fine-tuned for quote tagging; one pass per article
serves propaganda and quotes (`encode_article`), and its frozen layers read each sentence alone for
check-worthiness (`MultitaskEncoder.sentence_vectors`).

The frozen base weights are not shipped: they are assembled at first use from five package-index parts
(`base_weights.INSTALL_HINT`), verified by checksum, and the lower graph is built from them
(`lower_graph`). What ships is in `newsprobe/weights/mpnet/` with its model card.
"""

from .base_weights import INSTALL_HINT, BaseWeightsError
from .encoder import (
    MPNET_DIR,
    UPPER_GRAPH,
    Computed,
    LowerStates,
    MultitaskEncoder,
    MultitaskEncoding,
    available,
    encode_article,
    encode_text_part,
    headline_and_text,
    require_available,
    shared_encoder,
)
from .heads import Heads

__all__ = [
    "INSTALL_HINT",
    "MPNET_DIR",
    "BaseWeightsError",
    "UPPER_GRAPH",
    "Computed",
    "Heads",
    "LowerStates",
    "MultitaskEncoder",
    "MultitaskEncoding",
    "available",
    "encode_article",
    "encode_text_part",
    "headline_and_text",
    "require_available",
    "shared_encoder",
]
