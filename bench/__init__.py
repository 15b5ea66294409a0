"""Benchmarks: `make bench` prints speed, size and accuracy figures against reference tools."""
