"""The demonstration data: the reference case as it was handled, a synthetic misconduct register,
a variety of other cases and a year of answered requests for the statistics.

Everything here is synthetic except the text of the reference request and response, which is
public (../shared/reference/mps-foi-01.FOI.22.024648.txt). Loading is idempotent.
"""
