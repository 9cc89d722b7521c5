"""Benchmarks and the synthetic data they run on (run by hand, not part of the test suite)."""
