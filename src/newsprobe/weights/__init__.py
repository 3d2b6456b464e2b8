"""Trained model files, one folder per analyser, each with its model card (rebuilt by `training/`)."""

from pathlib import Path

__all__ = ["WEIGHTS_DIR"]

WEIGHTS_DIR = Path(__file__).resolve().parent
