"""The public benchmarks' evaluation contracts: readers, scorers and predict functions.

`polnear` (quotes, PolNeAR), `checkthat` (check-worthiness, CheckThat! 2024 Task 1) and `semeval_ptc`
(propaganda, SemEval-2020 Task 11). Behind `newsprobe <task> predict` and `newsprobe eval <task>`; no
analyser imports them.
"""
