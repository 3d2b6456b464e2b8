"""A store on S3 (a local moto S3 server over real HTTP): the same tables and near-duplicate pairs as on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprobe.corpus import RunOptions, query, run_corpus

from .conftest import PAIR, rows

moto_server = pytest.importorskip("moto.server", reason="the S3 test needs moto[server] (dev extra)")


@pytest.fixture
def bucket(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    import pyarrow.fs as pafs

    for name, value in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_EC2_METADATA_DISABLED": "true",
    }.items():
        monkeypatch.setenv(name, value)
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    options = f"endpoint_override={host}:{port}&scheme=http&region=us-east-1&allow_bucket_creation=true"
    filesystem, _ = pafs.FileSystem.from_uri(f"s3://corpus?{options}")
    filesystem.create_dir("corpus")
    try:
        yield f"s3://corpus/store?{options}"
    finally:
        server.stop()


def test_s3_store_matches_a_local_one(corpus: Path, store: Path, bucket: str) -> None:
    options = dict(workers=1, analyses=[], profile="fast", quiet=True, batch_size=8)
    half = corpus.parent / "half.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    half.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    run_corpus(RunOptions(inputs=[str(half)], store=bucket, **options))  # two runs: compaction, incremental pairs
    summary = run_corpus(RunOptions(inputs=[str(corpus)], store=bucket, **options))
    assert summary.skipped == len(lines) // 2
    assert rows(bucket, PAIR) == rows(store, PAIR) and rows(store, PAIR)
    compared = "SELECT * EXCLUDE (run_id, added, source) FROM articles"  # source: the file each came from
    assert rows(bucket, compared) == rows(store, compared)
    assert query(bucket, "SELECT count(*) AS n FROM laundering_candidates").to_pylist()[0]["n"] > 0
