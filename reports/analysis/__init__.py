"""Pure analysis: plain data or DataFrames in, plain data or DataFrames out; no ORM, no I/O.

Heavy counting happens in SQL; these functions shape and test what SQL returns.
"""
