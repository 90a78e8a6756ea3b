"""FOI Desk render layer."""
