"""Placeholder while the extractor is written: returns no figures."""
from .model import Extraction


def extract(article):
    return Extraction(article=article)
