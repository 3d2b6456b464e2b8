"""Entities: people, organisations and places grouped across mentions ("Sergey Lavrov" / "Lavrov").

The fast profile's spaCy pipeline labels entities with `add_rule_entities` (proper-noun chunks and a
gazetteer distilled from spaCy's NER) instead of the statistical NER.
"""

from .analyser import EntitiesAnalyser, EntitiesResult, Entity, Mention, father_and_son
from .names import GENDERED_WORDS, is_name_suffix
from .rules import add_rule_entities, first_name_gender, lone_name_gender

__all__ = [
    "GENDERED_WORDS",
    "EntitiesAnalyser",
    "EntitiesResult",
    "Entity",
    "Mention",
    "add_rule_entities",
    "father_and_son",
    "first_name_gender",
    "is_name_suffix",
    "lone_name_gender",
]
