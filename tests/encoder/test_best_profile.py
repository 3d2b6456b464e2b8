"""The best profile end to end: the shared encoder runs once per article, whoever asks for it."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from newsprobe.analyse import mpnet
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.document import Article

pytestmark = pytest.mark.skipif(
    not mpnet.available(), reason="the best profile is not installed (its base weights or shipped files)"
)


@pytest.fixture(scope="module")
def best_pipeline() -> Pipeline:
    return Pipeline(["entities", "quotes", "claims", "propaganda"], profile="best")


def counted_passes(monkeypatch: pytest.MonkeyPatch, encoder: type) -> list[str]:
    """The texts `encoder.encode` is called with from now on."""
    passes: list[str] = []
    encode = encoder.encode

    def counted(self: object, text: str) -> object:
        passes.append(text)
        return encode(self, text)

    monkeypatch.setattr(encoder, "encode", counted)
    return passes


def test_one_encoder_pass_per_article(best_pipeline: Pipeline, reference_article, monkeypatch) -> None:
    passes = counted_passes(monkeypatch, mpnet.MultitaskEncoder)
    outcome = best_pipeline.run(reference_article)
    assert not outcome.failures
    assert len(passes) == 1  # headline + text, for propaganda and quotes; claims read each sentence alone
    encoders = [value for value in best_pipeline.resources.values() if isinstance(value, mpnet.MultitaskEncoder)]
    assert len(encoders) == 1
    assert outcome.results["propaganda"].model.startswith("best")
    assert outcome.results["quotes"].method == "combined"  # the CRF tagger averaged with the encoder's tags
    assert outcome.results["claims"].model == "mpnet+minilm+lexical"


def test_the_quotes_graph_runs_only_when_quotes_are_asked_for(
    best_pipeline: Pipeline, reference_article, monkeypatch
) -> None:
    runs = counted_quote_runs(monkeypatch)
    propaganda = Pipeline(["propaganda"], profile="best")
    propaganda.resources = best_pipeline.resources  # the loaded encoder
    assert not propaganda.run(reference_article).failures
    assert not runs
    assert not best_pipeline.run(reference_article).failures
    assert len(runs) == 1  # one run, over the windows of the one pass


def counted_quote_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    runs: list[int] = []
    run_quotes = mpnet.MultitaskEncoder._quotes

    def counted(self: object, lower: mpnet.LowerStates) -> list[np.ndarray]:
        runs.append(len(lower.states))
        return run_quotes(self, lower)

    monkeypatch.setattr(mpnet.MultitaskEncoder, "_quotes", counted)
    return runs


def test_an_encoding_pickles_with_its_quote_logits(best_pipeline: Pipeline) -> None:
    from newsprobe.analyse.base import AnalysisContext

    context = AnalysisContext(profile="best", resources=best_pipeline.resources)
    encoding = mpnet.encode_article(context, "The minister said the talks would go on.")
    restored = pickle.loads(pickle.dumps(encoding))
    assert np.array_equal(restored.si_logits, encoding.si_logits)
    assert np.array_equal(restored.quote_logits, encoding.quote_logits)


def test_encoder_quote_tags_can_be_chosen(reference_article) -> None:
    pipeline = Pipeline(["entities", "quotes"], profile="best", config={"quotes": {"method": "encoder"}})
    quotes = pipeline.run(reference_article).results["quotes"]
    assert quotes.method == "encoder" and quotes.attributions
    for attribution in quotes.attributions:
        for span in attribution.content:
            assert reference_article.text[span.start : span.end].strip()


def test_reference_page_attributions_keep_their_speakers(best_pipeline: Pipeline, reference_article) -> None:
    quotes = best_pipeline.run(reference_article).results["quotes"]
    named = {a.speaker.name for a in quotes.attributions if a.speaker and a.speaker.name}
    assert "Sergey Lavrov" in named or "Lavrov" in named


def test_propaganda_averages_in_the_minilm_model_with_one_pass(
    best_pipeline: Pipeline, reference_article, monkeypatch
) -> None:
    from newsprobe.analyse.propaganda.encoder import Encoder

    passes = counted_passes(monkeypatch, Encoder)
    outcome = best_pipeline.run(reference_article)
    assert not outcome.failures
    assert len(passes) == 1  # its tags and its technique head read the same pass
    assert "MiniLM" in outcome.results["propaganda"].model


def test_the_text_part_of_the_pass_lines_up_with_the_text(best_pipeline: Pipeline, reference_article) -> None:
    from newsprobe.analyse.base import AnalysisContext

    context = AnalysisContext(profile="best", resources=best_pipeline.resources)
    text, title = reference_article.text, reference_article.metadata.title
    assert title and not text.startswith(title)  # so the pass reads the headline first
    whole = mpnet.encode_article(context, mpnet.headline_and_text(text, title))
    part = mpnet.encode_text_part(context, text, title)
    shift = len(title) + 2
    assert len(whole.offsets) - len(part.offsets) == sum(1 for start, _ in whole.offsets if start < shift)
    first = len(whole.offsets) - len(part.offsets)
    for (start, end), (whole_start, whole_end) in zip(part.offsets, whole.offsets[first:], strict=True):
        assert (start + shift, end + shift) == (whole_start, whole_end)
        assert text[start:end] == mpnet.headline_and_text(text, title)[whole_start:whole_end]
    assert np.array_equal(part.quote_logits, whole.quote_logits[first:])


def test_the_int8_graphs_read_what_the_fp32_encoder_reads(tmp_path) -> None:
    """On a CPU without VNNI the 8-bit graphs saturated: token states had cosine 0.0 to fp32 and every token got
    one quote tag. The 7-bit graphs must agree with the fp32 lower layers and tag a plain attribution, and the upper
    graph quantises no activation (its weights are stored in 8 bits, its products computed in fp32)."""
    import onnx
    import onnxruntime

    from newsprobe.analyse.mpnet.base_weights import ensure_base_weights
    from newsprobe.analyse.mpnet.encoder import MPNET_DIR
    from newsprobe.analyse.mpnet.lower_graph import _filled
    from newsprobe.analyse.mpnet.tags import QUOTE_TAGS

    encoder = mpnet.MultitaskEncoder(threads=1)
    text = "“We will win,” the minister said on Tuesday. He added that the plan would work."
    pieces = [np.array(encoder.tokenizer.encode(text, add_special_tokens=False).ids, np.int64)]
    lower = encoder._lower(pieces)
    fp32_graph = tmp_path / "lower.fp32.onnx"
    onnx.save(_filled(MPNET_DIR / "lower.skeleton.onnx", ensure_base_weights() / "model.safetensors"), str(fp32_graph))
    fp32 = onnxruntime.InferenceSession(str(fp32_graph), providers=["CPUExecutionProvider"])
    fp32_states = fp32.run(
        ["states", "quote_states"],
        {"input_ids": np.array([[encoder.bos, *pieces[0], encoder.eos]]), "attention_mask": lower.mask},
    )
    for a, b in zip((lower.states[0], lower.quote_states[0]), (states[0] for states in fp32_states), strict=True):
        cosine = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        assert cosine.min() > 0.95, cosine.round(3)
    upper = onnx.load(str(MPNET_DIR / mpnet.UPPER_GRAPH))
    assert not {node.op_type for node in upper.graph.node} & {"DynamicQuantizeLinear", "MatMulInteger"}

    encoding = encoder.encode(text)
    tags = {
        text[start:end]: QUOTE_TAGS[tag]
        for (start, end), tag in zip(encoding.offsets, encoding.quote_logits.argmax(1), strict=True)
    }
    assert tags["minister"].endswith("SRC") and tags["said"].endswith("CUE") and tags["plan"].endswith("CON")


def test_an_encoder_that_tags_wrongly_on_this_cpu_refuses_to_run(monkeypatch) -> None:
    """A runtime that computes garbage (as the 8-bit graphs did without VNNI) stops the profile with a clear error
    instead of feeding it noise: the report says the analysis failed, and why."""
    from newsprobe.analyse.mpnet.encoder import MultitaskEncoding
    from newsprobe.errors import ModelRuntimeError

    def every_token_a_source(self: object) -> np.ndarray:
        return np.tile(np.array([0.0, 9.0, 0, 0, 0, 0, 0], np.float32), (len(self.offsets), 1))  # type: ignore[attr-defined]

    monkeypatch.setattr(MultitaskEncoding, "quote_logits", property(every_token_a_source))
    with pytest.raises(ModelRuntimeError, match="wrong answers on this CPU.*'said' tagged B-SRC.*accurate profile"):
        mpnet.MultitaskEncoder(threads=1)
    outcome = Pipeline(["propaganda"], profile="best").run(
        Article(text="Title\n\nThe minister said the plan would work.")
    )
    assert [f.analyser for f in outcome.failures] == ["propaganda"] and "wrong answers" in outcome.failures[0].error
