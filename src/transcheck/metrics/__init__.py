"""Metrics: lexical (sacrebleu) and semantic (encoder + calibration)."""

from . import lexical  # noqa: F401  (registers the lexical metrics)
from .base import METRICS, Metric, MetricResult, register

__all__ = ["METRICS", "Metric", "MetricResult", "register"]
