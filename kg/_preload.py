"""Imported by the worker processes' fork server: load the NLP pipeline once there, so
that every worker forked from it starts with the pipeline (and jieba's dictionary)
already in memory instead of loading its own."""

from kg.nlp import load_pipeline

load_pipeline()
