"""What Week 3 achieved: the municipal dashboard per edition and each provider's results."""
