"""What an ArchiveUnit's ``Content`` may hold, per SEDA version, from the XSDs.

Generated from ``../shared/seda-xsd/<v>/seda-<v>-main.xsd`` (``tests/seda/test_content_schema``
checks it still matches) so that ``seda`` knows, without the XSDs at hand (they are not
shipped): the order of Content's children (the writer sorts kept and typed elements by
it), which names a CSV column may use, which repeat, and each leaf's kind. Abstract
substitution heads and ``##other`` extension points are left out.

Kinds: ``text``; ``date`` (SEDA DateType: a date or a date-time); ``day`` (xsd:date);
``datetime``; ``int``; ``bool``; ``idref``; otherwise the name of a complex type of the
same version's table (``()`` when it takes any content).

``ONTOLOGY_TYPES`` is Vitam's default ontology (``../shared/vitam-ontology``) for the unit
fields whose type is not text: the SAE indexes them as such and refuses other values.
"""

from __future__ import annotations

Child = tuple[str, bool, str]  # (element name, repeatable, kind)

# SEDA 2.1's table; 2.2 and 2.3 below say only what they change (the XSDs share the rest)
_V21: dict[str, tuple[Child, ...]] = {
    "Content": (
        ("DescriptionLevel", False, "text"),
        ("Title", True, "text"),
        ("FilePlanPosition", True, "text"),
        ("SystemId", True, "text"),
        ("OriginatingSystemId", True, "text"),
        ("ArchivalAgencyArchiveUnitIdentifier", True, "text"),
        ("OriginatingAgencyArchiveUnitIdentifier", True, "text"),
        ("TransferringAgencyArchiveUnitIdentifier", True, "text"),
        ("Description", True, "text"),
        ("CustodialHistory", False, "CustodialHistoryType"),
        ("Type", False, "text"),
        ("DocumentType", False, "text"),
        ("Language", True, "text"),
        ("DescriptionLanguage", False, "text"),
        ("Status", False, "text"),
        ("Version", False, "text"),
        ("Tag", True, "text"),
        ("Keyword", True, "KeywordsType"),
        ("Coverage", False, "CoverageType"),
        ("OriginatingAgency", False, "OrganizationType"),
        ("SubmissionAgency", False, "OrganizationType"),
        ("AuthorizedAgent", True, "AgentType"),
        ("Writer", True, "AgentType"),
        ("Addressee", True, "AgentType"),
        ("Recipient", True, "AgentType"),
        ("Transmitter", True, "AgentType"),
        ("Sender", True, "AgentType"),
        ("Source", False, "text"),
        ("RelatedObjectReference", False, "RelatedObjectReferenceType"),
        ("CreatedDate", False, "date"),
        ("TransactedDate", False, "date"),
        ("AcquiredDate", False, "date"),
        ("SentDate", False, "date"),
        ("ReceivedDate", False, "date"),
        ("RegisteredDate", False, "date"),
        ("StartDate", False, "date"),
        ("EndDate", False, "date"),
        ("Event", True, "EventType"),
        ("Signature", True, "SignatureType"),
        ("Gps", False, "GpsType"),
    ),
    "CustodialHistoryType": (
        ("CustodialHistoryItem", True, "text"),
        ("CustodialHistoryFile", False, "DataObjectRefType"),
    ),
    "DataObjectRefType": (
        ("DataObjectReferenceId", False, "idref"),
        ("DataObjectGroupReferenceId", False, "idref"),
    ),
    "KeywordsType": (
        ("KeywordContent", False, "text"),
        ("KeywordReference", False, "text"),
        ("KeywordType", False, "text"),
    ),
    "CoverageType": (
        ("Spatial", True, "text"),
        ("Temporal", True, "text"),
        ("Juridictional", True, "text"),
    ),
    "OrganizationType": (
        ("Identifier", False, "text"),
        ("OrganizationDescriptiveMetadata", False, "OrganizationDescriptiveMetadataType"),
    ),
    "OrganizationDescriptiveMetadataType": (),  # any content
    "AgentType": (
        ("FirstName", False, "text"),
        ("BirthName", False, "text"),
        ("FullName", False, "text"),
        ("GivenName", False, "text"),
        ("Gender", False, "text"),
        ("BirthDate", False, "day"),
        ("BirthPlace", False, "BirthOrDeathPlaceType"),
        ("DeathDate", False, "day"),
        ("DeathPlace", False, "BirthOrDeathPlaceType"),
        ("Nationality", True, "text"),
        ("Corpname", False, "text"),
        ("Identifier", True, "text"),
        ("Function", True, "text"),
        ("Activity", True, "text"),
        ("Position", True, "text"),
        ("Role", True, "text"),
        ("Mandate", True, "text"),
    ),
    "BirthOrDeathPlaceType": (
        ("Geogname", False, "text"),
        ("Address", False, "text"),
        ("PostalCode", False, "text"),
        ("City", False, "text"),
        ("Region", False, "text"),
        ("Country", False, "text"),
    ),
    "RelatedObjectReferenceType": (
        ("IsVersionOf", True, "DataObjectOrArchiveUnitReferenceType"),
        ("Replaces", True, "DataObjectOrArchiveUnitReferenceType"),
        ("Requires", True, "DataObjectOrArchiveUnitReferenceType"),
        ("IsPartOf", True, "DataObjectOrArchiveUnitReferenceType"),
        ("References", True, "DataObjectOrArchiveUnitReferenceType"),
    ),
    "DataObjectOrArchiveUnitReferenceType": (
        ("ArchiveUnitRefId", False, "idref"),
        ("DataObjectReference", False, "DataObjectRefType"),
        ("RepositoryArchiveUnitPID", False, "text"),
        ("RepositoryObjectPID", False, "text"),
        ("ExternalReference", False, "text"),
    ),
    "EventType": (
        ("EventIdentifier", False, "text"),
        ("EventTypeCode", False, "text"),
        ("EventType", False, "text"),
        ("EventDateTime", False, "date"),
        ("EventDetail", False, "text"),
        ("Outcome", False, "text"),
        ("OutcomeDetail", False, "text"),
        ("OutcomeDetailMessage", False, "text"),
        ("EventDetailData", False, "text"),
    ),
    "anyType": (),  # any content
    "SignatureType": (
        ("Signer", True, "SignerType"),
        ("Validator", False, "ValidatorType"),
        ("Masterdata", False, "text"),
        ("ReferencedObject", False, "ReferencedObjectType"),
    ),
    "SignerType": (
        ("FirstName", False, "text"),
        ("BirthName", False, "text"),
        ("FullName", False, "text"),
        ("GivenName", False, "text"),
        ("Gender", False, "text"),
        ("BirthDate", False, "day"),
        ("BirthPlace", False, "BirthOrDeathPlaceType"),
        ("DeathDate", False, "day"),
        ("DeathPlace", False, "BirthOrDeathPlaceType"),
        ("Nationality", True, "text"),
        ("Corpname", False, "text"),
        ("Identifier", True, "text"),
        ("SigningTime", False, "datetime"),
        ("Function", True, "text"),
        ("Activity", True, "text"),
        ("Position", True, "text"),
        ("Role", True, "text"),
        ("Mandate", True, "text"),
    ),
    "ValidatorType": (
        ("FirstName", False, "text"),
        ("BirthName", False, "text"),
        ("FullName", False, "text"),
        ("GivenName", False, "text"),
        ("Gender", False, "text"),
        ("BirthDate", False, "day"),
        ("BirthPlace", False, "BirthOrDeathPlaceType"),
        ("DeathDate", False, "day"),
        ("DeathPlace", False, "BirthOrDeathPlaceType"),
        ("Nationality", True, "text"),
        ("Corpname", False, "text"),
        ("Identifier", True, "text"),
        ("ValidationTime", False, "datetime"),
        ("Function", True, "text"),
        ("Activity", True, "text"),
        ("Position", True, "text"),
        ("Role", True, "text"),
        ("Mandate", True, "text"),
    ),
    "ReferencedObjectType": (
        ("SignedObjectId", False, "idref"),
        ("SignedObjectDigest", False, "text"),
    ),
    "GpsType": (
        ("GpsVersionID", False, "text"),
        ("GpsAltitude", False, "int"),
        ("GpsAltitudeRef", False, "text"),
        ("GpsLatitude", False, "text"),
        ("GpsLatitudeRef", False, "text"),
        ("GpsLongitude", False, "text"),
        ("GpsLongitudeRef", False, "text"),
        ("GpsDateStamp", False, "text"),
    ),
}

_V22: dict[str, tuple[Child, ...]] = {
    **_V21,
    "Content": (
        ("DescriptionLevel", False, "text"),
        ("Title", True, "text"),
        ("FilePlanPosition", True, "text"),
        ("SystemId", True, "text"),
        ("OriginatingSystemId", True, "text"),
        ("ArchivalAgencyArchiveUnitIdentifier", True, "text"),
        ("OriginatingAgencyArchiveUnitIdentifier", True, "text"),
        ("TransferringAgencyArchiveUnitIdentifier", True, "text"),
        ("Description", True, "text"),
        ("CustodialHistory", False, "CustodialHistoryType"),
        ("Type", False, "text"),
        ("DocumentType", False, "text"),
        ("Language", True, "text"),
        ("DescriptionLanguage", False, "text"),
        ("Status", False, "text"),
        ("Version", False, "text"),
        ("Tag", True, "text"),
        ("Keyword", True, "KeywordsType"),
        ("Coverage", False, "CoverageType"),
        ("OriginatingAgency", False, "OrganizationType"),
        ("SubmissionAgency", False, "OrganizationType"),
        ("Agent", True, "AgentType"),
        ("AuthorizedAgent", True, "AgentType"),
        ("Writer", True, "AgentType"),
        ("Addressee", True, "AgentType"),
        ("Recipient", True, "AgentType"),
        ("Transmitter", True, "AgentType"),
        ("Sender", True, "AgentType"),
        ("Source", False, "text"),
        ("RelatedObjectReference", False, "RelatedObjectReferenceType"),
        ("CreatedDate", False, "date"),
        ("TransactedDate", False, "date"),
        ("AcquiredDate", False, "date"),
        ("SentDate", False, "date"),
        ("ReceivedDate", False, "date"),
        ("RegisteredDate", False, "date"),
        ("StartDate", False, "date"),
        ("EndDate", False, "date"),
        ("DateLitteral", False, "text"),
        ("Event", True, "EventType"),
        ("Signature", True, "SignatureType"),
        ("Gps", False, "GpsType"),
        ("OriginatingSystemIdReplyTo", False, "text"),
        ("TextContent", False, "text"),
    ),
    "DataObjectRefType": (("DataObjectGroupReferenceId", False, "idref"),),
    "EventType": (
        ("EventIdentifier", False, "text"),
        ("EventTypeCode", False, "text"),
        ("EventType", False, "text"),
        ("EventDateTime", False, "date"),
        ("EventDetail", False, "text"),
        ("Outcome", False, "text"),
        ("OutcomeDetail", False, "text"),
        ("OutcomeDetailMessage", False, "text"),
        ("EventDetailData", False, "text"),
        ("LinkingAgentIdentifier", False, "LinkingAgentIdentifierType"),
    ),
    "LinkingAgentIdentifierType": (
        ("LinkingAgentIdentifierType", False, "text"),
        ("LinkingAgentIdentifierValue", False, "text"),
        ("LinkingAgentRole", False, "text"),
    ),
}

_V23: dict[str, tuple[Child, ...]] = {
    **{k: v for k, v in _V22.items() if k not in ("SignatureType", "ReferencedObjectType")},
    "Content": (
        ("DescriptionLevel", False, "text"),
        ("Title", True, "text"),
        ("FilePlanPosition", True, "text"),
        ("SystemId", True, "text"),
        ("OriginatingSystemId", True, "text"),
        ("ArchivalAgencyArchiveUnitIdentifier", True, "text"),
        ("OriginatingAgencyArchiveUnitIdentifier", True, "text"),
        ("TransferringAgencyArchiveUnitIdentifier", True, "text"),
        ("Description", True, "text"),
        ("CustodialHistory", False, "CustodialHistoryType"),
        ("Type", False, "text"),
        ("DocumentType", False, "text"),
        ("Language", True, "text"),
        ("DescriptionLanguage", False, "text"),
        ("Status", False, "text"),
        ("Version", False, "text"),
        ("Tag", True, "text"),
        ("Keyword", True, "KeywordsType"),
        ("Coverage", False, "CoverageType"),
        ("OriginatingAgency", False, "OrganizationType"),
        ("SubmissionAgency", False, "OrganizationType"),
        ("Agent", True, "AgentType"),
        ("AuthorizedAgent", True, "AgentType"),
        ("Writer", True, "AgentType"),
        ("Addressee", True, "AgentType"),
        ("Recipient", True, "AgentType"),
        ("Transmitter", True, "AgentType"),
        ("Sender", True, "AgentType"),
        ("Source", False, "text"),
        ("RelatedObjectReference", False, "RelatedObjectReferenceType"),
        ("CreatedDate", False, "date"),
        ("TransactedDate", False, "date"),
        ("AcquiredDate", False, "date"),
        ("SentDate", False, "date"),
        ("ReceivedDate", False, "date"),
        ("RegisteredDate", False, "date"),
        ("StartDate", False, "date"),
        ("EndDate", False, "date"),
        ("DateLitteral", False, "text"),
        ("Event", True, "EventType"),
        ("SigningInformation", False, "SigningInformationType"),
        ("Gps", False, "GpsType"),
        ("OriginatingSystemIdReplyTo", False, "text"),
        ("TextContent", False, "text"),
        ("PersistentIdentifier", True, "PersistentIdType"),
    ),
    "SigningInformationType": (
        ("SigningRole", True, "text"),
        ("DetachedSigningRole", True, "text"),
        ("SignedDocumentReferenceId", True, "idref"),
        ("SignatureDescription", True, "SignatureDescriptionType"),
        ("TimestampingInformation", True, "TimestampingInformationType"),
        ("AdditionalProof", True, "AdditionalProofType"),
        ("Extended", False, "OpenType"),
    ),
    "SignatureDescriptionType": (
        ("Signer", False, "SignerType"),
        ("Validator", False, "ValidatorType"),
        ("SigningType", False, "text"),
    ),
    "TimestampingInformationType": (
        ("TimeStamp", False, "datetime"),
        ("AdditionalTimestampingInformation", False, "text"),
    ),
    "AdditionalProofType": (("AdditionalProofInformation", True, "text"),),
    "OpenType": (),  # any content
    "PersistentIdType": (
        ("PersistentIdentifierType", False, "text"),
        ("PersistentIdentifierOrigin", False, "text"),
        ("PersistentIdentifierReference", False, "text"),
        ("PersistentIdentifierContent", False, "text"),
    ),
}

SCHEMA: dict[str, dict[str, tuple[Child, ...]]] = {"2.1": _V21, "2.2": _V22, "2.3": _V23}

ONTOLOGY_TYPES: dict[str, str] = {
    "AcquiredDate": "DATE",
    "BirthDate": "DATE",
    "ClassificationReassessingDate": "DATE",
    "CreatedDate": "DATE",
    "DeathDate": "DATE",
    "EndDate": "DATE",
    "EventDateTime": "DATE",
    "GpsAltitude": "LONG",
    "HoldEndDate": "DATE",
    "HoldReassessingDate": "DATE",
    "NeedAuthorization": "BOOLEAN",
    "NeedReassessingAuthorization": "BOOLEAN",
    "PreventInheritance": "BOOLEAN",
    "PreventRearrangement": "BOOLEAN",
    "ReceivedDate": "DATE",
    "RegisteredDate": "DATE",
    "SentDate": "DATE",
    "SigningTime": "DATE",
    "StartDate": "DATE",
    "TimeStamp": "DATE",
    "TransactedDate": "DATE",
    "ValidationTime": "DATE",
}


def children(version: str, type_name: str) -> tuple[Child, ...]:
    """The children of ``type_name`` ("Content" for the unit's Content) in ``version``."""
    return SCHEMA.get(version, SCHEMA["2.1"]).get(type_name, ())


def child(version: str, type_name: str, name: str) -> Child | None:
    for entry in children(version, type_name):
        if entry[0] == name:
            return entry
    return None


def is_complex(version: str, kind: str) -> bool:
    return kind in SCHEMA.get(version, SCHEMA["2.1"])


def content_order(version: str) -> dict[str, int]:
    """Position of each Content child name in ``version``'s sequence."""
    return {name: i for i, (name, _rep, _kind) in enumerate(children(version, "Content"))}


def known_anywhere(name: str) -> str | None:
    """The first SEDA version whose Content allows ``name`` (e.g. DateLitteral: 2.2)."""
    wanted = name.casefold()
    for version in ("2.1", "2.2", "2.3"):
        if any(n.casefold() == wanted for n, _r, _k in children(version, "Content")):
            return version
    return None


__all__ = [
    "ONTOLOGY_TYPES",
    "SCHEMA",
    "child",
    "children",
    "content_order",
    "is_complex",
    "known_anywhere",
]
