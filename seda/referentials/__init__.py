"""Referentials the SAE holds (rules, agencies, positioning trees), read into plain objects."""

from seda.referentials.agencies_csv import AgenciesReferential, Agency, load_agencies
from seda.referentials.csvcheck import ReferentialError
from seda.referentials.rules_csv import RuleDef, RulesReferential, load_rules
from seda.referentials.tree import AmbiguousSpec, PositioningTree, TreeNode, is_guid, load_tree

__all__ = [
    "AgenciesReferential",
    "Agency",
    "AmbiguousSpec",
    "PositioningTree",
    "ReferentialError",
    "RuleDef",
    "RulesReferential",
    "TreeNode",
    "is_guid",
    "load_agencies",
    "load_rules",
    "load_tree",
]
