"""The portal tests' fixtures (`edition`, `world_a`, `world_b`, `client_a`) live in
tests/conftest.py: the moderation tests in tests/agenda use them too."""
