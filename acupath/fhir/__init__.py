"""FHIR R4 exchange of a patient's record: export a Bundle, import it back.

``export_bundle(record)`` / ``export_json(record)`` and ``record_from_bundle(data)`` /
``read_bundle_file(path)`` work on :class:`acupath.store.records.PatientRecord`; the store's
``records.load`` and ``records.save`` connect them to the database.
"""

from acupath.fhir.export import export_bundle, export_json
from acupath.fhir.imports import read_bundle_file, record_from_bundle

__all__ = ["export_bundle", "export_json", "read_bundle_file", "record_from_bundle"]
