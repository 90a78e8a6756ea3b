"""FOI Desk web layer."""
