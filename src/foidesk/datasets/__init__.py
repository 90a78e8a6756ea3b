"""FOI Desk datasets layer."""
