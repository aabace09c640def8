"""The campaign's writes, one module per topic."""
