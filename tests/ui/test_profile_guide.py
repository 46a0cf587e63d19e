"""The transfer profile as a guide: structure beside the tree, live deviations, form locks."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtGui import QUndoStack

from seda.archive_profile import load_transfer_profile
from seda.findings import Code
from seda.manifest import read_manifest
from seda.model import Package
from seda.profile_guide import compare, fill_fixed, guide
from ui.profile_guide import (
    DEVIATION_COLOR,
    MISSING_COLOR,
    UID_ROLE,
    ProfileGuidePanel,
    apply_to_form,
    apply_to_header_dialog,
)

PROFILES = Path(__file__).resolve().parents[2].parent / "shared" / "archive-profiles"


def profil20_package() -> Package:
    return read_manifest((PROFILES / "Profil20-manifest-ok.xml").read_bytes())


def profil_ok_package() -> Package:
    with zipfile.ZipFile(PROFILES / "SIP_ok_profil.zip") as zf:
        return read_manifest(zf.read("manifest.xml"))


def test_package_that_follows_its_profile(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    panel = ProfileGuidePanel()
    qtbot.addWidget(panel)
    panel.set_profile(load_transfer_profile(PROFILES / "profil_ok.rng", "PR-000001"))
    panel.set_package(profil_ok_package())
    assert panel.summary.text() == "Le versement suit le profil."
    # only a warning: the profile requires the unit's OriginatingAgency, which Verso does
    # not write (yet); the SAE would refuse the exported SIP, the user is told
    assert panel.deviations.count() == 1
    assert "que Verso ne sait pas encore écrire" in panel.deviations.item(0).text()
    assert "le service producteur" in panel.deviations.item(0).text()
    model = panel.structure_model
    root = model.item(0, 0)
    assert root.text() == "Groupe de documents — Versement de la matrice cadastrale numérique"
    series = root.child(0, 0)
    assert series.text() == "Série — Fichiers sources"
    assert root.child(0, 2).text() == "1"  # one unit of the package stands for it


def test_required_fields_counted_and_deviations_live(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    panel = ProfileGuidePanel()
    qtbot.addWidget(panel)
    panel.set_profile(load_transfer_profile(PROFILES / "Profil20.rng"))
    package = profil20_package()
    panel.set_package(package)
    assert panel.summary.text() == "Le versement suit le profil."

    session = package.roots[0].children[0]
    session.start_date = None
    session.end_date = None
    panel.refresh_later()
    qtbot.waitUntil(lambda: panel.summary.text() == "2 champs obligatoires à remplir")
    texts = [panel.deviations.item(i).text() for i in range(panel.deviations.count())]
    assert any("exige la date de début" in t for t in texts)

    # a forbidden level: highlighted, and the line jumps to the unit
    item = session.children[1]
    item.level = "File"
    panel.refresh()
    line = next(
        panel.deviations.item(i)
        for i in range(panel.deviations.count())
        if "n'accepte pas le niveau de description « Dossier »" in panel.deviations.item(i).text()
    )
    with qtbot.waitSignal(panel.unit_activated) as signal:
        panel.deviations.itemActivated.emit(line)
    assert signal.args == [item.uid]

    # a unit removed: the expected pattern turns red
    session.children.pop()
    panel.refresh()
    file_row = panel.structure_model.item(0, 0).child(0, 0)
    video = file_row.child(1, 0)
    assert video.foreground().color() == MISSING_COLOR
    assert "Manquante" in video.toolTip()
    assert video.data(UID_ROLE) is not None


def test_deviating_units_marked_orange(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = ProfileGuidePanel()
    qtbot.addWidget(panel)
    panel.set_profile(load_transfer_profile(PROFILES / "profil_ok.rng"))
    package = profil_ok_package()
    package.roots[0].children[0].title = "Sources"
    panel.set_package(package)
    series = panel.structure_model.item(0, 0).child(0, 0)
    assert series.foreground().color() == DEVIATION_COLOR
    assert panel.deviations.count() == 2  # the title, and the field Verso does not write


def test_form_locks_fixed_values_and_restricts_levels(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    from ui.details import UnitForm
    from ui.tree_model import PackageTreeModel

    package = profil_ok_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    form = UnitForm(model, stack)
    qtbot.addWidget(form)
    g = guide(load_transfer_profile(PROFILES / "profil_ok.rng"))
    comparison = compare(g, package)
    series = package.roots[0].children[0]
    series.title = "Sources"  # a deviation: the fixed value is put back, undoably
    form.set_unit(series)
    apply_to_form(form, comparison.for_unit(series))
    assert form.title.isReadOnly() and form.title.text() == "Fichiers sources"
    assert series.title == "Fichiers sources" and stack.count() == 1
    stack.undo()
    assert series.title == "Sources"
    stack.redo()
    apply_to_form(form, comparison.for_unit(series))
    assert stack.count() == 1  # nothing more to do when the unit already has it
    assert "imposée" in form.title.toolTip()
    assert form.description.isReadOnly()
    # the level is a drop-down offering only what the profile allows here
    enabled = [
        form.level.itemData(i)
        for i in range(form.level.count())
        if form.level.model().item(i).isEnabled()
    ]
    assert enabled == ["Series"]
    label = form.layout().labelForField(form.description)
    assert label.text().endswith(" *")
    # a unit the profile does not constrain: everything unlocked again
    form.set_unit(series.children[0].children[0])
    apply_to_form(form, None)
    assert not form.title.isReadOnly() and not form.description.isReadOnly()
    assert all(form.level.model().item(i).isEnabled() for i in range(form.level.count()))
    assert not form.layout().labelForField(form.description).text().endswith(" *")


def test_header_dialog_locks_and_offers_allowed_values(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from seda.model import TransferHeader
    from ui.header_dialog import HeaderDialog

    text = (PROFILES / "Profil20.rng").read_text(encoding="utf-8")
    old = '<rng:value type="token">ACCORD_SONORE</rng:value>'
    rng = tmp_path / "enum.rng"
    rng.write_text(
        text.replace(
            old,
            '<rng:choice><rng:value type="token">ACCORD_SONORE</rng:value>'
            '<rng:value type="token">ACCORD_VIDEO</rng:value></rng:choice>',
        ),
        encoding="utf-8",
    )
    dialog = HeaderDialog(TransferHeader(), "2.1")
    qtbot.addWidget(dialog)
    apply_to_header_dialog(dialog, guide(load_transfer_profile(rng)))
    agency = dialog.edits["archival_agency"]
    assert agency.isReadOnly() and agency.text() == "https://demo.logilab.fr/seda/213109"
    assert dialog.comment.isReadOnly()
    assert dialog.comment.toPlainText().startswith("Transfert des enregistrements")
    agreement = dialog.edits["archival_agreement"]
    assert not agreement.isReadOnly()
    completer = agreement.completer()
    assert completer is not None
    values = [completer.model().index(i, 0).data() for i in range(completer.model().rowCount())]
    assert values == ["ACCORD_SONORE", "ACCORD_VIDEO"]
    assert dialog.header().archival_agency == "https://demo.logilab.fr/seda/213109"
    apply_to_header_dialog(dialog, None)
    assert not agency.isReadOnly() and agreement.completer() is None


def test_fill_fixed_puts_the_profile_values_in_place() -> None:
    g = guide(load_transfer_profile(PROFILES / "profil_ok.rng", "PR-000001"))
    package = profil_ok_package()
    package.header.comment = ""
    package.roots[0].children[0].description = "à remplir"
    edits = fill_fixed(g, package)
    assert (package.header, "comment", "Matrice cadastrale numérique.") in edits
    series = package.roots[0].children[0]
    assert any(t is series and a == "description" for t, a, _v in edits)
    for target, attr, value in edits:
        setattr(target, attr, value)
    assert [f.code for f in compare(g, package).findings] == [Code.PROFILE_UNSUPPORTED]


def test_profiles_tab_for_the_preset_editor(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.presets import Preset, load_preset, save_preset
    from ui.profile_guide import ArchiveProfilesTab

    tab = ArchiveProfilesTab()
    qtbot.addWidget(tab)
    bad = tmp_path / "facture.rng"
    bad.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
        '<element name="facture"><text/></element></start></grammar>',
        encoding="utf-8",
    )
    assert not tab.set_profile_file(bad)
    assert "ne décrit pas un bordereau SEDA" in tab.error.text() and tab.profile_path is None
    assert tab.set_profile_file(PROFILES / "profil_ok.rng")
    assert tab.identifier.text() == "PR-000001"  # read from the profile, which fixes it
    assert not tab.add_unit_profile(PROFILES / "Profil20.rng")  # not JSON: refused
    assert tab.add_unit_profile(PROFILES / "aup-description-level.json", ["Item"])
    assert tab.units.count() == 1
    preset = Preset(name="test")
    tab.apply_to(preset)
    path = tmp_path / "p.yaml"
    save_preset(preset, path)
    again = load_preset(path)
    assert again.archive_profile_id == "PR-000001"
    assert again.archive_profile is not None and again.archive_profile.name == "profil_ok.rng"
    assert [(u.file.name, u.levels) for u in again.unit_profiles] == [
        ("aup-description-level.json", ["Item"])
    ]
    other = ArchiveProfilesTab()
    qtbot.addWidget(other)
    other.set_preset(again)
    assert other.identifier.text() == "PR-000001" and other.units.count() == 1


def test_form_respects_keyword_cardinality(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    """Profil20's session unit takes exactly two keywords: the input closes at two."""
    from ui.details import UnitForm
    from ui.tree_model import PackageTreeModel

    package = profil20_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    form = UnitForm(model, stack)
    qtbot.addWidget(form)
    g = guide(load_transfer_profile(PROFILES / "Profil20.rng"))
    session = package.roots[0]
    assert len(session.keywords) == 2
    form.set_unit(session)
    apply_to_form(form, compare(g, package).for_unit(session))
    assert not form.keywords.input.isEnabled() and "au plus 2" in form.keywords.input.toolTip()
    form.keywords.list.setCurrentRow(0)
    form.keywords.remove_button.click()  # through the undo stack; the form refreshes
    assert len(session.keywords) == 1
    assert form.keywords.input.isEnabled()
    form.keywords.input.setText("Séance")
    form.keywords.input.returnPressed.emit()
    assert len(session.keywords) == 2 and not form.keywords.input.isEnabled()
    apply_to_form(form, None)
    assert form.keywords.input.isEnabled()


def test_wiring_beside_the_real_window(qtbot, french, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The window's own wiring (``window.guide``): the SIP from Vitam's tests re-opened, a
    preset naming its archive profile used, the panel follows edits, the form of the
    selected unit is locked."""
    import shutil

    from app.archive_profiles import check_with_preset
    from app.presets import Preset, load_preset, save_preset

    sip = tmp_path / "recu.zip"
    shutil.copyfile(PROFILES / "SIP_ok_profil.zip", sip)
    assert window.importer.open_sip(str(sip)) == "started"
    qtbot.waitUntil(lambda: bool(window.model.package.roots), timeout=20_000)
    package = window.model.package
    assert package.header.archival_profile == "PR-000001"  # survives the re-edit

    panel = window.guide.panel
    tabs = window.bottom
    assert tabs.indexOf(panel) >= 0 and not tabs.isTabVisible(tabs.indexOf(panel))
    assert tabs.tabText(tabs.indexOf(panel)) == "Profil d'archivage"
    yaml_path = tmp_path / "profil.yaml"
    save_preset(
        Preset(
            name="Profil",
            archive_profile=PROFILES / "profil_ok.rng",
            archive_profile_id="PR-000001",
        ),
        yaml_path,
    )
    assert window.profile.use_preset(yaml_path, apply=False)
    preset = load_preset(yaml_path)
    assert tabs.isTabVisible(tabs.indexOf(panel))  # the preset names a transfer profile
    assert panel.package is package
    assert panel.summary.text() == "Le versement suit le profil."
    # Verso's own manifest for this package: what Verso cannot write yet (objects in groups,
    # the unit's OriginatingAgency) is refused by this profile, and said
    before = {f.code for f in check_with_preset(package, preset)}
    assert before == {Code.PROFILE_MISSING, Code.PROFILE_NOT_ALLOWED}

    series = package.roots[0].children[0]
    window.select_units([series])  # the window applies the profile to the form
    assert window.details.form.title.isReadOnly()

    # the user changes the level of a unit through the form: the guide sees it
    item = series.children[0].children[0]
    window.select_units([item])
    form = window.details.form
    form.level.setCurrentIndex(form.level.findData("File"))
    form.level.activated.emit(form.level.currentIndex())
    qtbot.waitUntil(lambda: panel.deviations.count() > 1, timeout=5_000)
    assert "n'accepte pas le niveau de description « Dossier »" in panel.deviations.item(0).text()
    levels = [f for f in check_with_preset(package, preset) if f.code == "profile.level"]
    assert levels and levels[0].unit_uid == item.uid
    window.select_units([package.roots[0]])
    panel.deviations.itemActivated.emit(panel.deviations.item(0))
    assert window.selected_units() == [item]

    # the header dialog the window builds gets the profile's locks (the fixed comment)
    from ui.controllers import header as header_controller

    seen: list[tuple[bool, str]] = []

    def look(dialog):  # type: ignore[no-untyped-def]
        seen.append((dialog.comment.isReadOnly(), dialog.comment.toPlainText()))
        return 0  # rejected: nothing changes

    monkeypatch.setattr(header_controller.HeaderDialog, "exec", look)
    window.header.edit_header()
    assert seen == [(True, "Matrice cadastrale numérique.")]
    # no profile any more: the tab goes away, the form is free again
    window.profile.forget_preset()
    assert not tabs.isTabVisible(tabs.indexOf(panel))
    window.select_units([series])
    assert not window.details.form.title.isReadOnly()


def test_preset_editor_has_the_archive_profiles_tab(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Profiles › Transfer profiles…: the preset's archive profiles are picked in their own
    tab, shown when a preset is opened and saved with it."""
    from app.presets import Preset, load_preset, save_preset
    from ui.preset_editor import PresetEditorDialog

    monkeypatch.setenv("VERSO_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "mairie.yaml"
    save_preset(Preset(name="Mairie"), path)
    dialog = PresetEditorDialog(path)
    qtbot.addWidget(dialog)
    tab = dialog.profiles_tab
    assert dialog.tabs.indexOf(tab) >= 0
    assert tab.profile_path is None
    assert tab.set_profile_file(PROFILES / "profil_ok.rng")
    assert dialog.save()
    saved = load_preset(path)
    assert saved.archive_profile is not None and saved.archive_profile.name == "profil_ok.rng"
    assert saved.archive_profile_id == tab.identifier.text() != ""
    again = PresetEditorDialog(path)
    qtbot.addWidget(again)
    assert again.profiles_tab.profile_path == saved.archive_profile
    assert again.profiles_tab.identifier.text() == saved.archive_profile_id
