"""Benchmarks: `python -m bench [name ...]` prints `name: value unit (ratio × vs baseline)`."""
