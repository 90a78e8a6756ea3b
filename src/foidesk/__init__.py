"""FOI Desk: Freedom of Information requests handled end to end, answers published safely."""

__version__ = "0.1.0"
