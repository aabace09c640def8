"""The portal's fixtures (two providers with their objects) for the moderation tests."""

from tests.providers.conftest import client_a, edition, world_a, world_b  # noqa: F401
