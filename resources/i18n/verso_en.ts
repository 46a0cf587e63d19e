<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="0"/>
        <source>About Verso</source>
        <translation>About Verso</translation>
    </message>
    <message>
        <source>not installed (optional)</source>
        <translation>not installed (optional)</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installed</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Verso version</source>
        <translation>Verso version</translation>
    </message>
    <message>
        <source>SEDA versions</source>
        <translation>SEDA versions</translation>
    </message>
    <message>
        <source>Siegfried signatures</source>
        <translation>Siegfried signatures</translation>
    </message>
    <message>
        <source>Identification engine</source>
        <translation>Identification engine</translation>
    </message>
    <message>
        <source>libmagic (MIME types)</source>
        <translation>libmagic (MIME types)</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Qt version</translation>
    </message>
    <message>
        <source>Python version</source>
        <translation>Python version</translation>
    </message>
    <message>
        <source>Verso prepares SEDA transfer packages (SIP) for a Vitam archiving system. Your files are only read, never changed.</source>
        <translation>Verso prepares SEDA transfer packages (SIP) for a Vitam archiving system. Your files are only read, never changed.</translation>
    </message>
</context>
<context>
    <name>ArchiveProfilesTab</name>
    <message>
        <location filename="../../ui/profile_guide.py" line="+1"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer profile (RNG):</source>
        <translation>Transfer profile (RNG):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its identifier in the archives' referential:</source>
        <translation>Its identifier in the archives' referential:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive-unit profiles (JSON):</source>
        <translation>Archive-unit profiles (JSON):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the transfer profile</source>
        <translation>Choose the transfer profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RelaxNG (*.rng)</source>
        <translation>RelaxNG (*.rng)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose archive-unit profiles</source>
        <translation>Choose archive-unit profiles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>AttachmentController</name>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="19"/>
        <source>&amp;Attach to the positioning tree…</source>
        <translation>&amp;Attach to the positioning tree…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="24"/>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="22"/>
        <source>Choose where the archives service files the top-level units</source>
        <translation>Choose where the archives service files the top-level units</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="77"/>
        <source>Only top-level units are attached (the rest follows them): the choice applies to %1.</source>
        <translation>Only top-level units are attached (the rest follows them): the choice applies to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="74"/>
        <source>Units attached: %1</source>
        <translation>Units attached: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/attachment.py" line="72"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>BulkEditor</name>
    <message>
        <location filename="../../ui/details.py" line="+455"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title}: current title, {n} or {n:03}: position in the selection, {parent}: parent's title, {year}: start year</source>
        <translation>{title}: current title, {n} or {n:03}: position in the selection, {parent}: parent's title, {year}: start year</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply to the selection</source>
        <translation>Apply to the selection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change for every selected unit</source>
        <translation>Change for every selected unit</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n units selected</source>
        <translation>
            <numerusform>%n unit selected</numerusform>
            <numerusform>%n units selected</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>e.g.: %1</source>
        <translation>e.g.: %1</translation>
    </message>
    <message>
        <source>Add a writer</source>
        <translation>Add a writer</translation>
    </message>
    <message>
        <source>Writer's name</source>
        <translation>Writer's name</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Language codes, e.g. fr, oc</source>
        <translation>Language codes, e.g. fr, oc</translation>
    </message>
    <message>
        <source>Not a language code: write e.g. fr, en, oc, fr-FR.</source>
        <translation>Not a language code: write e.g. fr, en, oc, fr-FR.</translation>
    </message>
    <message>
        <source>Cote</source>
        <translation>Cote</translation>
    </message>
    <message>
        <source>e.g. 3 W {n}</source>
        <translation>e.g. 3 W {n}</translation>
    </message>
    <message>
        <source>{n} or {n:03}: position in the selection, {title}: title, {year}: start year. Empty: the cotes are removed. Edit › Number the cotes… numbers by level.</source>
        <translation>{n} or {n:03}: position in the selection, {title}: title, {year}: start year. Empty: the cotes are removed. Edit › Number the cotes… numbers by level.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/commands.py" line="+47"/>
        <source>Edit “%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Rename “%1” to “%2”</source>
        <translation>Rename “%1” to “%2”</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Edit %n unit(s)</source>
        <translation>
            <numerusform>Edit %n unit</numerusform>
            <numerusform>Edit %n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>Move %n unit(s)</source>
        <translation>
            <numerusform>Move %n unit</numerusform>
            <numerusform>Move %n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Remove %n unit(s) from the package</source>
        <translation>
            <numerusform>Remove %n unit from the package</numerusform>
            <numerusform>Remove %n units from the package</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Add %n unit(s)</source>
        <translation>
            <numerusform>Add %n unit</numerusform>
            <numerusform>Add %n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>Group %n unit(s)</source>
        <translation>
            <numerusform>Group %n unit</numerusform>
            <numerusform>Group %n units</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>top level</source>
        <translation>top level</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sort the children of “%1”</source>
        <translation>Sort the children of “%1”</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit the transfer header</source>
        <translation>Edit the transfer header</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Apply the profile “%1”</source>
        <translation>Apply the profile “%1”</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ui/controllers/base.py" line="80"/>
        <source>Please wait for the current job to finish.</source>
        <translation>Please wait for the current job to finish.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/details.py" line="-465"/>
        <source>Set this date</source>
        <translation>Set this date</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location line="+587"/>
        <source>Select a unit to describe it.</source>
        <translation>Select a unit to describe it.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Selection</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management rules</source>
        <translation>Management rules</translation>
    </message>
</context>
<context>
    <name>DropHint</name>
    <message>
        <location filename="../../ui/main_window.py" line="+236"/>
        <source>Drop your folders here</source>
        <translation>Drop your folders here</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drag one or more folders (or files) from the file manager onto this window. Verso reads them, identifies every file and prepares the description; nothing is changed on your disk.</source>
        <translation>Drag one or more folders (or files) from the file manager onto this window. Verso reads them, identifies every file and prepares the description; nothing is changed on your disk.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a folder…</source>
        <translation>Open a folder…</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../ui/controllers/edit.py" line="33"/>
        <source>&amp;Group into a new unit…</source>
        <translation>&amp;Group into a new unit…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="43"/>
        <source>&amp;Management rules</source>
        <translation>&amp;Management rules</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="23"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="25"/>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="35"/>
        <source>&amp;Sort children by title</source>
        <translation>&amp;Sort children by title</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="21"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="40"/>
        <source>Move &amp;down</source>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="37"/>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="125"/>
        <source>The tree is sorted by a column: click that column's header until the sort is removed to move units up or down.</source>
        <translation>The tree is sorted by a column: click that column's header until the sort is removed to move units up or down.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="90"/>
        <source>New unit</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="27"/>
        <source>Re&amp;move from the package</source>
        <translation>Re&amp;move from the package</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="61"/>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="30"/>
        <source>Take the selected units out of the package (your files are not touched)</source>
        <translation>Take the selected units out of the package (your files are not touched)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="91"/>
        <source>Title of the new unit:</source>
        <translation>Title of the new unit:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/edit.py" line="60"/>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <source>Number the &amp;cotes…</source>
        <translation>Number the &amp;cotes…</translation>
    </message>
    <message>
        <source>Give the selected units and their contents a cote: 3 W 1, 3 W 1/1…</source>
        <translation>Give the selected units and their contents a cote: 3 W 1, 3 W 1/1…</translation>
    </message>
    <message numerus="yes">
        <source>Number %n cote(s)</source>
        <translation>
            <numerusform>Number %n cote</numerusform>
            <numerusform>Number %n cotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) got a cote.</source>
        <translation>
            <numerusform>%n unit got a cote.</numerusform>
            <numerusform>%n units got a cote.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>The SIP was written, but the archives service will refuse it: %n blocking problem(s), listed in the Verification tab.</source>
        <translation>
            <numerusform>The SIP was written, but the archives service will refuse it: %n blocking problem, listed in the Verification tab.</numerusform>
            <numerusform>The SIP was written, but the archives service will refuse it: %n blocking problems, listed in the Verification tab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocking error(s): see the Verification tab</source>
        <translation>
            <numerusform>%n blocking error: see the Verification tab</numerusform>
            <numerusform>%n blocking errors: see the Verification tab</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the SIP (zip) to give to the archives service</source>
        <translation>Write the SIP (zip) to give to the archives service</translation>
    </message>
    <message numerus="yes">
        <source>%n blocking error(s) found by the verification: see the Verification tab.</source>
        <translation>
            <numerusform>%n blocking error found by the verification: see the Verification tab.</numerusform>
            <numerusform>%n blocking errors found by the verification: see the Verification tab.</numerusform>
        </translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>An export is already running.</translation>
    </message>
    <message>
        <source>Export waits for the end of the edit being applied.</source>
        <translation>Export waits for the end of the edit being applied.</translation>
    </message>
    <message>
        <source>Export waits for the end of the analysis of the files.</source>
        <translation>Export waits for the end of the analysis of the files.</translation>
    </message>
    <message>
        <source>Nothing to export yet: open a folder or drop files on the window.</source>
        <translation>Nothing to export yet: open a folder or drop files on the window.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="78"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="42"/>
        <source>&amp;Export the SIP…</source>
        <translation>&amp;Export the SIP…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="100"/>
        <source>Export anyway</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="236"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="226"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="206"/>
        <source>Export finished</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="77"/>
        <source>Export the SIP</source>
        <translation>Export the SIP</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="101"/>
        <source>Go back and fix</source>
        <translation>Go back and fix</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="210"/>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="208"/>
        <source>Open the slip</source>
        <translation>Open the slip</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/export.py" line="192"/>
        <source>See the findings panel: %n warning(s).</source>
        <translation>
            <numerusform>See the findings panel: %n warning.</numerusform>
            <numerusform>See the findings panel: %n warnings.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="227"/>
        <source>The SIP was not written.</source>
        <translation>The SIP was not written.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="184"/>
        <source>The SIP was written:
%1

%2, %3, %4.</source>
        <translation>The SIP was written:
%1

%2, %3, %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/export.py" line="92"/>
        <source>The archives service would refuse this transfer: %n error(s), listed in the Verification tab. Export anyway?</source>
        <translation>
            <numerusform>The archives service would refuse this transfer: %n error, listed in the Verification tab. Export anyway?</numerusform>
            <numerusform>The archives service would refuse this transfer: %n errors, listed in the Verification tab. Export anyway?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="205"/>
        <source>The transfer slip was not written: %1</source>
        <translation>The transfer slip was not written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="198"/>
        <source>Transfer slip to print and sign:
%1</source>
        <translation>Transfer slip to print and sign:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/export.py" line="204"/>
        <source>cancelled before the end; nothing was left</source>
        <translation>cancelled before the end; nothing was left</translation>
    </message>
    <message>
        <source>Export waits until the transfer slip is written.</source>
        <translation>Export waits until the transfer slip is written.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="+53"/>
        <source>Export the SIP</source>
        <translation>Export the SIP</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re-read the SIP after writing it</source>
        <translation>Re-read the SIP after writing it</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A document listing what is transferred, to print and sign; written next to the SIP as %1</source>
        <translation>A document listing what is transferred, to print and sign; written next to the SIP as %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit the header / load a preset…</source>
        <translation>Edit the header / load a preset…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SEDA version</source>
        <translation>SEDA version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(missing)</source>
        <translation>(missing)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transferring agency: %1</source>
        <translation>Transferring agency: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archival agency: %1</source>
        <translation>Archival agency: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ingest contract: %1</source>
        <translation>Ingest contract: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the SIP as</source>
        <translation>Save the SIP as</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIP (*.zip)</source>
        <translation>SIP (*.zip)</translation>
    </message>
    <message>
        <source>Also write the transfer slip (bordereau)</source>
        <translation>Also write the transfer slip (bordereau)</translation>
    </message>
    <message>
        <source>PDF, to print and sign</source>
        <translation>PDF, to print and sign</translation>
    </message>
    <message>
        <source>HTML, to open in a browser</source>
        <translation>HTML, to open in a browser</translation>
    </message>
    <message numerus="yes">
        <source>The archives will refuse this transfer: %n blocking problem(s), including: %1.</source>
        <translation>
            <numerusform>The archives will refuse this transfer: %n blocking problem: %1.</numerusform>
            <numerusform>The archives will refuse this transfer: %n blocking problems, including: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>The whole transfer</source>
        <translation>The whole transfer</translation>
    </message>
    <message>
        <source>Transfer header</source>
        <translation>Transfer header</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Legal status</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <source>Acquisition information</source>
        <translation>Acquisition information</translation>
    </message>
    <message>
        <source>Submission agency</source>
        <translation>Submission agency</translation>
    </message>
    <message>
        <source>Originating agency</source>
        <translation>Originating agency</translation>
    </message>
    <message>
        <source>Transferring agency</source>
        <translation>Transferring agency</translation>
    </message>
    <message>
        <source>Archival agency</source>
        <translation>Archival agency</translation>
    </message>
    <message>
        <source>Ingest contract</source>
        <translation>Ingest contract</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="+64"/>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>FormatChart</name>
    <message>
        <location filename="../../ui/format_chart.py" line="+42"/>
        <source>Unknown or not yet analysed</source>
        <translation>Unknown or not yet analysed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other formats</source>
        <translation>Other formats</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No files yet.</source>
        <translation>No files yet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Files per format</source>
        <translation>Files per format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size per format</source>
        <translation>Size per format</translation>
    </message>
</context>
<context>
    <name>HeaderController</name>
    <message>
        <location filename="../../ui/controllers/header.py" line="18"/>
        <source>Transfer &amp;header…</source>
        <translation>Transfer &amp;header…</translation>
    </message>
</context>
<context>
    <name>HeaderDialog</name>
    <message>
        <location filename="../../ui/header_dialog.py" line="+67"/>
        <source>Transfer header</source>
        <translation>Transfer header</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ingest contract</source>
        <translation>Ingest contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival agency (identifier)</source>
        <translation>Archival agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival agency (name)</source>
        <translation>Archival agency (name)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferring agency (identifier)</source>
        <translation>Transferring agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferring agency (name)</source>
        <translation>Transferring agency (name)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Originating agency (identifier)</source>
        <translation>Originating agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submission agency (identifier)</source>
        <translation>Submission agency (identifier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acquisition information</source>
        <translation>Acquisition information</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These fields come from your archives service. Load the preset it gave you, or type them in.</source>
        <translation>These fields come from your archives service. Load the preset it gave you, or type them in.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load a preset…</source>
        <translation>Load a preset…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Legal status</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SEDA version</source>
        <translation>SEDA version</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a default rule</source>
        <translation>Add a default rule</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every unit of the transfer inherits these rules (ManagementMetadata), unless a unit says otherwise in its own “Management rules” tab.</source>
        <translation>Every unit of the transfer inherits these rules (ManagementMetadata), unless a unit says otherwise in its own “Management rules” tab.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default rules (transfer level)</source>
        <translation>Default rules (transfer level)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose a preset</source>
        <translation>Choose a preset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Presets (*.yaml *.yml)</source>
        <translation>Presets (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>Preset refused</source>
        <translation>Preset refused</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="0"/>
        <source>Verso help</source>
        <translation>Verso help</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;About Verso</source>
        <translation>&amp;About Verso</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Search box: go to the next result</source>
        <translation>Search box: go to the next result</translation>
    </message>
    <message>
        <source>Where Verso keeps an automatic copy of unsaved work, offered again after a crash</source>
        <translation>Where Verso keeps an automatic copy of unsaved work, offered again after a crash</translation>
    </message>
    <message>
        <source>Open the &amp;recovery folder</source>
        <translation>Open the &amp;recovery folder</translation>
    </message>
    <message>
        <source>The folder where you last saved your work (.verso)</source>
        <translation>The folder where you last saved your work (.verso)</translation>
    </message>
    <message>
        <source>Open the &amp;saved-work folder</source>
        <translation>Open the &amp;saved-work folder</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/help.py" line="12"/>
        <source>&amp;About Verso</source>
        <translation>&amp;About Verso</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/help.py" line="12"/>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../ui/controllers/import_.py" line="41"/>
        <source>&amp;Open a folder…</source>
        <translation>&amp;Open a folder…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="44"/>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="67"/>
        <source>Add files</source>
        <translation>Add files</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="107"/>
        <source>Only the saved work was opened; drop folders once it is open.</source>
        <translation>Only the saved work was opened; drop folders once it is open.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="60"/>
        <source>Open a folder</source>
        <translation>Open a folder</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="47"/>
        <source>Open an existing S&amp;IP…</source>
        <translation>Open an existing S&amp;IP…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="140"/>
        <source>Open an existing SIP</source>
        <translation>Open an existing SIP</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="50"/>
        <source>Reopen a transfer package (made by Verso, ReSIP…) to fix and export it again</source>
        <translation>Reopen a transfer package (made by Verso, ReSIP…) to fix and export it again</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="178"/>
        <source>SIP opened: %1, %2. Fix what is needed, then export it again.</source>
        <translation>SIP opened: %1, %2. Fix what is needed, then export it again.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="36"/>
        <source>Scan cancelled: nothing was added.</source>
        <translation>Scan cancelled: nothing was added.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="129"/>
        <source>Scan failed</source>
        <translation>Scan failed</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="122"/>
        <source>Scan finished in %1 s: %2.</source>
        <translation>Scan finished in %1 s: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/import_.py" line="142"/>
        <source>Transfer packages (*.zip)</source>
        <translation>Transfer packages (*.zip)</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Writing the table… %1 / %2</source>
        <translation>Writing the table… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="+25"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Reading folders… %1 entries</source>
        <translation>Reading folders… %1 entries</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysing %1 / %2 — %3 files/s</source>
        <translation>Analysing %1 / %2 — %3 files/s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving the work…</source>
        <translation>Saving the work…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writing the transfer slip… %1 %</source>
        <translation>Writing the transfer slip… %1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting %1 / %2 — %3/s</source>
        <translation>Exporting %1 / %2 — %3/s</translation>
    </message>
    <message>
        <source>Preparing the edit of %1…</source>
        <translation>Preparing the edit of %1…</translation>
    </message>
    <message>
        <source>Applying the edit: %1 / %2</source>
        <translation>Applying the edit: %1 / %2</translation>
    </message>
    <message>
        <source>Undoing the edit: %1 / %2</source>
        <translation>Undoing the edit: %1 / %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+77"/>
        <source>Search titles, descriptions, file names, formats…</source>
        <translation>Search titles, descriptions, file names, formats…</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+702"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location line="-701"/>
        <location line="+446"/>
        <location line="+258"/>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location line="-703"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xpand all</source>
        <translation>E&amp;xpand all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collapse all</source>
        <translation>&amp;Collapse all</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Transfer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pro&amp;files</source>
        <translation>Pro&amp;files</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Preferences</source>
        <translation>&amp;Preferences</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n unit(s) changed.</source>
        <translation>
            <numerusform>%n unit changed.</numerusform>
            <numerusform>%n units changed.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+52"/>
        <location line="+212"/>
        <location line="+88"/>
        <source>Please wait for the current job to finish.</source>
        <translation>Please wait for the current job to finish.</translation>
    </message>
</context>
<context>
    <name>ObjectPanel</name>
    <message>
        <location filename="../../ui/details.py" line="-342"/>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path on disk</source>
        <translation>Path on disk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PRONOM id</source>
        <translation>PRONOM id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIME type</source>
        <translation>MIME type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified by</source>
        <translation>Identified by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last modified</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-512</source>
        <translation>SHA-512</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the file</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>analysing…</source>
        <translation>analysing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>PackageRulesEditor</name>
    <message>
        <location filename="../../ui/rules_editor.py" line="+1215"/>
        <source>Ces règles s'appliquent à toutes les unités du versement.</source>
        <translation>These rules apply to every unit of the transfer.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Règles de gestion de tout le versement (ManagementMetadata)</source>
        <translation>Management rules of the whole transfer (ManagementMetadata)</translation>
    </message>
</context>
<context>
    <name>PackageTreeModel</name>
    <message>
        <location filename="../../ui/tree_model.py" line="+175"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Own management rules: %1</source>
        <translation>Own management rules: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location line="+312"/>
        <source>Attached under “%1” in the archives' tree (%2)</source>
        <translation>Attached under “%1” in the archives' tree (%2)</translation>
    </message>
    <message>
        <source>Cote</source>
        <translation>Cote</translation>
    </message>
</context>
<context>
    <name>PositioningTreeModel</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="+126"/>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identifiants</source>
        <translation>Identifiers</translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <source>Close Verso and open it again to use it; your choice is kept.</source>
        <translation>Close Verso and open it again to use it; your choice is kept.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="24"/>
        <source>&amp;Identification engine</source>
        <translation>&amp;Identification engine</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="15"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="28"/>
        <source>Fido (PRONOM, slower)</source>
        <translation>Fido (PRONOM, slower)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="27"/>
        <source>Siegfried (PRONOM, recommended)</source>
        <translation>Siegfried (PRONOM, recommended)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="44"/>
        <source>The language will change the next time Verso starts.</source>
        <translation>The language will change the next time Verso starts.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/preferences.py" line="29"/>
        <source>libmagic (MIME types only)</source>
        <translation>libmagic (MIME types only)</translation>
    </message>
</context>
<context>
    <name>PresetEditorDialog</name>
    <message>
        <location filename="../../ui/preset_editor.py" line="+113"/>
        <source>Profil de versement</source>
        <translation>Transfer profile</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ouvrir…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dupliquer…</source>
        <translation>Duplicate…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enregistrer sous…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Général</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En-tête</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiels</source>
        <translation>Referentials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Règles par défaut</source>
        <translation>Default rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rattachement</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fichiers écartés</source>
        <translation>Excluded files</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nom :</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description :</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version du SEDA :</source>
        <translation>SEDA version:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnaissance des formats :</source>
        <translation>Format identification:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Siegfried (recommandé, celui de Vitam)</source>
        <translation>Siegfried (recommended, the one Vitam uses)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contrat d'entrée (ArchivalAgreement)</source>
        <translation>Ingest contract (ArchivalAgreement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service d'archives : identifiant</source>
        <translation>Archival agency: identifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service d'archives : nom</source>
        <translation>Archival agency: name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service versant : identifiant</source>
        <translation>Transferring agency: identifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service versant : nom</source>
        <translation>Transferring agency: name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service producteur : identifiant</source>
        <translation>Originating agency: identifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service qui soumet : identifiant</source>
        <translation>Submission agency: identifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modalité d'entrée</source>
        <translation>Acquisition information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(non précisé)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statut légal :</source>
        <translation>Legal status:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Référentiel des règles de gestion (CSV)</source>
        <translation>Management rules referential (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiel des services (CSV)</source>
        <translation>Agencies referential (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbre de positionnement ou plan de classement</source>
        <translation>Positioning tree or filing plan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importer…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Les fichiers importés sont vérifiés comme le fait le service d'archives puis copiés dans le dossier de données de Verso : inutile de les garder ailleurs.</source>
        <translation>Imported files are checked as the archives service does, then copied into Verso's data folder: no need to keep them elsewhere.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ces règles sont ajoutées à chaque versement fait avec ce profil de versement (seuls l'identifiant, la date de départ et le sort final sont enregistrés).</source>
        <translation>These rules are added to every transfer made with this profile (only the identifier, the start date and the final action are saved).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Identifiant système (GUID) :</source>
        <translation>System identifier (GUID):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ou identifiant — nom :</source>
        <translation>or identifier — name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identifiant — valeur :</source>
        <translation>identifier — value:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intitulé (affichage) :</source>
        <translation>Title (display):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choisir dans l'arbre…</source>
        <translation>Choose in the tree…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne pas rattacher</source>
        <translation>Do not attach</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Un motif par ligne ; « * » remplace n'importe quelle suite de caractères (majuscules et minuscules indifférentes).</source>
        <translation>One pattern per line; “*” stands for any run of characters (upper and lower case alike).</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Rattachement : donnez soit l'identifiant système, soit le nom et la valeur d'un identifiant, pas les deux.</source>
        <translation>Attachment: give either the system identifier or the name and value of an identifier, not both.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rattachement : le nom et la valeur de l'identifiant vont ensemble.</source>
        <translation>Attachment: the identifier's name and value go together.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Profil de versement « %1 » illisible : %2</source>
        <translation>Profile “%1” cannot be read: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choisissez d'abord où enregistrer le profil de versement.</source>
        <translation>First choose where to save the profile.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enregistrement impossible dans « %1 » : %2</source>
        <translation>Cannot save to “%1”: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Fichier refusé :</source>
        <translation>File refused:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — illisible ou refusé, importez-le à nouveau</source>
        <translation>%1 — unreadable or refused, import it again</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>« %1 » n'est pas dans le référentiel des services.</source>
        <translation>“%1” is not in the agencies referential.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nouveau profil de versement (non enregistré)</source>
        <translation>New profile (not saved)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ouvrir un profil de versement</source>
        <translation>Open a profile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profils de versement (*.yaml *.yml)</source>
        <translation>Profiles (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enregistrer le profil de versement</source>
        <translation>Save the profile</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>Profils de versement (*.yaml)</source>
        <translation>Profiles (*.yaml)</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Dupliquer le profil de versement</source>
        <translation>Duplicate the profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nom de la copie :</source>
        <translation>Name of the copy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (copie)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enregistrer la copie</source>
        <translation>Save the copy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Référentiel des règles (*.csv)</source>
        <translation>Rules referential (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Référentiel des services (*.csv)</source>
        <translation>Agencies referential (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbres (*.zip *.xml *.csv)</source>
        <translation>Trees (*.zip *.xml *.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fichier refusé</source>
        <translation>File refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le service d'archives refuserait ce fichier :</source>
        <translation>The archives service would refuse this file:</translation>
    </message>
    <message>
        <source>Profils d'archivage</source>
        <translation>Archive profiles</translation>
    </message>
</context>
<context>
    <name>ProfileGuide</name>
    <message>
        <location filename="../../ui/profile_guide.py" line="+1"/>
        <source>Value set by the archival profile.</source>
        <translation>Value set by the archival profile.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The archival profile allows at most %1.</source>
        <translation>The archival profile allows at most %1.</translation>
    </message>
</context>
<context>
    <name>ProfileGuidePanel</name>
    <message>
        <location filename="../../ui/profile_guide.py" line="+1"/>
        <source>Expected unit</source>
        <translation>Expected unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurrences</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here</source>
        <translation>Here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deviations from the profile:</source>
        <translation>Deviations from the profile:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archival profile: %1</source>
        <translation>Archival profile: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n required field(s) to fill</source>
        <translation>
            <numerusform>%n required field to fill</numerusform>
            <numerusform>%n required fields to fill</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n deviation(s) from the profile</source>
        <translation>
            <numerusform>%n deviation from the profile</numerusform>
            <numerusform>%n deviations from the profile</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transfer follows the profile.</source>
        <translation>The transfer follows the profile.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No archival profile in the preset.</source>
        <translation>No archival profile in the preset.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any level</source>
        <translation>any level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing: the profile requires this unit.</source>
        <translation>Missing: the profile requires this unit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some units of this kind deviate from the profile.</source>
        <translation>Some units of this kind deviate from the profile.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds files.</source>
        <translation>Holds files.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(same structure again)</source>
        <translation>(same structure again)</translation>
    </message>
</context>
<context>
    <name>ProfileController</name>
    <message>
        <location filename="../../ui/controllers/profile.py" line="48"/>
        <source>&amp;Stop using the profile</source>
        <translation>&amp;Stop using the profile</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="46"/>
        <source>&amp;Use a profile for this transfer…</source>
        <translation>&amp;Use a profile for this transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="54"/>
        <source>Import the &amp;agencies referential…</source>
        <translation>Import the &amp;agencies referential…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="50"/>
        <source>Import the &amp;rules referential…</source>
        <translation>Import the &amp;rules referential…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="249"/>
        <source>Import the agencies referential</source>
        <translation>Import the agencies referential</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="58"/>
        <source>Import the positioning &amp;tree…</source>
        <translation>Import the positioning &amp;tree…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="250"/>
        <source>Import the positioning tree</source>
        <translation>Import the positioning tree</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="248"/>
        <source>Import the rules referential</source>
        <translation>Import the rules referential</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="203"/>
        <source>No transfer profile</source>
        <translation>No transfer profile</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="93"/>
        <source>Profile refused</source>
        <translation>Profile refused</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="207"/>
        <source>Profile: %1</source>
        <translation>Profile: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="171"/>
        <source>Profiles (*.yaml *.yml)</source>
        <translation>Profiles (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="204"/>
        <source>Profiles › Use a profile for this transfer…</source>
        <translation>Profiles › Use a profile for this transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="243"/>
        <source>Referential imported: %1</source>
        <translation>Referential imported: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="253"/>
        <source>Referentials (*.csv)</source>
        <translation>Referentials (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="269"/>
        <source>The archives service would refuse this file:</source>
        <translation>The archives service would refuse this file:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="71"/>
        <source>The transfer profile “%1” could not be read again.</source>
        <translation>The transfer profile “%1” could not be read again.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="44"/>
        <source>Transfer &amp;profiles…</source>
        <translation>Transfer &amp;profiles…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="191"/>
        <source>Transfer profiles</source>
        <translation>Transfer profiles</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="255"/>
        <source>Trees and filing plans (*.zip *.xml *.csv)</source>
        <translation>Trees and filing plans (*.zip *.xml *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="169"/>
        <source>Use a transfer profile</source>
        <translation>Use a transfer profile</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/profile.py" line="192"/>
        <source>Use the profile “%1” for this transfer?</source>
        <translation>Use the profile “%1” for this transfer?</translation>
    </message>
</context>
<context>
    <name>RecoveryController</name>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="98"/>
        <source>Restore the work?</source>
        <translation>Restore the work?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="62"/>
        <source>The automatic recovery copy could not be written: %1</source>
        <translation>The automatic recovery copy could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="100"/>
        <source>Verso ended without saving the transfer “%1”. An automatic copy from %2 was kept. Restore it?</source>
        <translation>Verso ended without saving the transfer “%1”. An automatic copy from %2 was kept. Restore it?</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/recovery.py" line="95"/>
        <source>not saved yet</source>
        <translation>not saved yet</translation>
    </message>
</context>
<context>
    <name>RulePickerDialog</name>
    <message>
        <location filename="../../ui/rules_editor.py" line="-714"/>
        <source>Règle de gestion : %1</source>
        <translation>Management rule: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rechercher par code ou intitulé…</source>
        <translation>Search by code or title…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Identifiant de la règle, ex. APP-00001</source>
        <translation>Rule identifier, e.g. APP-00001</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun référentiel des règles n'est chargé : saisissez l'identifiant exact donné par le service d'archives. Un identifiant inconnu fera refuser le versement.</source>
        <translation>No rules referential is loaded: type the exact identifier given by the archives service. An unknown identifier will get the transfer refused.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Règle</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Date de fin de l'unité</source>
        <translation>The unit's end date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (celle de chaque unité)</source>
        <translation> (each unit's own)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (non renseignée)</source>
        <translation> (not given)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date choisie</source>
        <translation>Chosen date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sans date de départ</source>
        <translation>No start date</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date de départ du calcul :</source>
        <translation>Start date of the computation:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Options de la catégorie</source>
        <translation>Category options</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— à choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sort final :</source>
        <translation>Final action:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne pas hériter des règles des niveaux supérieurs</source>
        <translation>Do not inherit the rules of the levels above</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ne pas hériter de :</source>
        <translation>Do not inherit:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Réévaluation soumise à autorisation</source>
        <translation>Reassessment needs an authorisation</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Interdire le réarrangement</source>
        <translation>Forbid rearrangement</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Niveau de classification :</source>
        <translation>Classification level:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Émetteur de la classification :</source>
        <translation>Classification owner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffusion restreinte à :</source>
        <translation>Audience restricted to:</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+47"/>
        <source>Date de réévaluation :</source>
        <translation>Reassessing date:</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Fin du gel :</source>
        <translation>End of the hold:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsable du gel :</source>
        <translation>Hold owner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motif du gel :</source>
        <translation>Reason for the hold:</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>Choisissez une règle.</source>
        <translation>Choose a rule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choisissez le sort final.</source>
        <translation>Choose the final action.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le niveau et l'émetteur de la classification sont obligatoires.</source>
        <translation>The classification level and owner are mandatory.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>La fin du gel précède sa date de départ.</source>
        <translation>The end of the hold is before its start date.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Durée : %1</source>
        <translation>Duration: %1</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <location line="+11"/>
        <source>illimitée</source>
        <translation>unlimited</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 an</source>
        <translation>%1 year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ans</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 mois</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 jour</source>
        <translation>%1 day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 jours</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location line="+719"/>
        <source>État intermédiaire : non précisé</source>
        <translation>Intermediate state: not given</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Aucun référentiel des règles : les intitulés, durées et dates de fin ne peuvent pas être calculés. Importez-le depuis le profil de versement.</source>
        <translation>No rules referential: titles, durations and end dates cannot be computed. Import it from the profile.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>En gris : règles héritées d'un niveau supérieur.</source>
        <translation>In grey: rules inherited from a level above.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ajouter une règle</source>
        <translation>Add a rule</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne pas hériter</source>
        <translation>Do not inherit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empêche l'unité d'hériter de la règle sélectionnée (RefNonRuleId).</source>
        <translation>Stops the unit inheriting the selected rule (RefNonRuleId).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options de la catégorie…</source>
        <translation>Category options…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Sélectionnez une unité pour voir ses règles de gestion.</source>
        <translation>Select a unit to see its management rules.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Règles de gestion de « %1 »</source>
        <translation>Management rules of “%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 : règles de « %2 » affichées ; les modifications s'appliquent à toutes.</source>
        <translation>%1: the rules of “%2” are shown; changes apply to all of them.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cette unité</source>
        <translation>this unit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>niveau du versement</source>
        <translation>transfer level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hérité du niveau du versement</source>
        <translation>inherited from the transfer level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hérité de « %1 »</source>
        <translation>inherited from “%1”</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remplacer la règle %1 par %2</source>
        <translation>Replace rule %1 with %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Modifier la règle %1</source>
        <translation>Edit rule %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ajouter la règle %1</source>
        <translation>Add rule %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options : %1</source>
        <translation>Options: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Retirer la règle %1</source>
        <translation>Remove rule %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ne plus hériter de la règle %1</source>
        <translation>Stop inheriting rule %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location line="-781"/>
        <source>Règle</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intitulé</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de départ</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durée</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date de fin</source>
        <translation>End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort final</source>
        <translation>Final action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>aucune règle</source>
        <translation>no rule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>héritage bloqué</source>
        <translation>inheritance blocked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>n'hérite pas de : %1</source>
        <translation>does not inherit: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>sans date</source>
        <translation>no date</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pas de date de fin : règle sans date de départ, illimitée ou inconnue du référentiel.</source>
        <translation>No end date: the rule has no start date, is unlimited or is not in the referential.</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message numerus="yes">
        <location filename="../../ui/scan_controller.py" line="+190"/>
        <source>Add %n unit(s) from disk</source>
        <translation>
            <numerusform>Add %n unit from disk</numerusform>
            <numerusform>Add %n units from disk</numerusform>
        </translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Cancel the addition</source>
        <translation>Cancel the addition</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>No unit matches the search.</source>
        <translation>No unit matches the search.</translation>
    </message>
    <message>
        <source>Result %1 of %2</source>
        <translation>Result %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>No result</source>
        <translation>No result</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Find &amp;previous</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Find &amp;next</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/search.py" line="43"/>
        <source>%n matching unit(s).</source>
        <translation>
            <numerusform>%n matching unit.</numerusform>
            <numerusform>%n matching units.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/search.py" line="28"/>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message numerus="yes">
        <location filename="../../ui/controllers/session.py" line="131"/>
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/session.py" line="405"/>
        <source>%n file(s) moved or changed since the work was saved. They are listed in the findings panel: check them before exporting.</source>
        <translation><numerusform>%n file moved or changed since the work was saved. It is listed in the findings panel: check it before exporting.</numerusform><numerusform>%n files moved or changed since the work was saved. They are listed in the findings panel: check them before exporting.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/session.py" line="434"/>
        <source>%n saved work(s) no longer found were removed from the recent list.</source>
        <translation><numerusform>%n saved work no longer found was removed from the recent list.</numerusform><numerusform>%n saved works no longer found were removed from the recent list.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="45"/>
        <source>&amp;New transfer</source>
        <translation>&amp;New transfer</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="48"/>
        <source>&amp;Save the work</source>
        <translation>&amp;Save the work</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="193"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="298"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Cancelled: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="159"/>
        <source>Close Verso</source>
        <translation>Close Verso</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="192"/>
        <source>Don't save</source>
        <translation>Don't save</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="403"/>
        <source>Files moved or changed</source>
        <translation>Files moved or changed</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="51"/>
        <source>Keep the description on disk to resume it later (a .verso file)</source>
        <translation>Keep the description on disk to resume it later (a .verso file)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="78"/>
        <source>New transfer</source>
        <translation>New transfer</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="447"/>
        <source>No recent work</source>
        <translation>No recent work</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="335"/>
        <source>Nothing was changed on disk.</source>
        <translation>Nothing was changed on disk.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="58"/>
        <source>Open a saved &amp;work…</source>
        <translation>Open a saved &amp;work…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="347"/>
        <source>Open a saved work</source>
        <translation>Open a saved work</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="59"/>
        <source>Recent &amp;work</source>
        <translation>Recent &amp;work</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="456"/>
        <source>Recent work</source>
        <translation>Recent work</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="191"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="221"/>
        <source>Save the work</source>
        <translation>Save the work</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="54"/>
        <source>Save the work &amp;as…</source>
        <translation>Save the work &amp;as…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="189"/>
        <source>Save them to resume the work later? Your files on disk are never changed.</source>
        <translation>Save them to resume the work later? Your files on disk are never changed.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="383"/>
        <source>The transfer profile “%1” could not be read again.</source>
        <translation>The transfer profile “%1” could not be read again.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="181"/>
        <source>The transfer “%1” has changes that are not saved.</source>
        <translation>The transfer “%1” has changes that are not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="419"/>
        <source>The work cannot be opened</source>
        <translation>The work cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="334"/>
        <source>The work was not saved</source>
        <translation>The work was not saved</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="223"/>
        <source>Verso saved work (*.verso)</source>
        <translation>Verso saved work (*.verso)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="412"/>
        <source>Work opened: %1</source>
        <translation>Work opened: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="323"/>
        <source>Work saved: %1</source>
        <translation>Work saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="217"/>
        <source>transfer</source>
        <translation>transfer</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/session.py" line="457"/>
        <source>“%1” can no longer be found; it was removed from the list.</source>
        <translation>“%1” can no longer be found; it was removed from the list.</translation>
    </message>
</context>
<context>
    <name>SetAttachmentCommand</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="+355"/>
        <source>Rattacher à « %1 »</source>
        <translation>Attach to “%1”</translation>
    </message>
</context>
<context>
    <name>Sizes</name>
    <message>
        <location filename="../../ui/formatting.py" line="+8"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TB</source>
        <translation>TB</translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <location filename="../../ui/controllers/status.py" line="61"/>
        <source>Identification: %1</source>
        <translation>Identification: %1</translation>
    </message>
</context>
<context>
    <name>StringListEditor</name>
    <message>
        <location filename="../../ui/details.py" line="-296"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected entry</source>
        <translation>Remove the selected entry</translation>
    </message>
</context>
<context>
    <name>TreePickerDialog</name>
    <message>
        <location filename="../../ui/tree_picker.py" line="-403"/>
        <source>Cote</source>
        <translation>Call number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identifiant producteur</source>
        <translation>Originating agency identifier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identifiant versant</source>
        <translation>Transferring agency identifier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position dans le plan</source>
        <translation>File plan position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiant système d'origine</source>
        <translation>Originating system identifier</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>par identifiant système %1</source>
        <translation>by system identifier %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>par %1 = « %2 »</source>
        <translation>by %1 = “%2”</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Rattachement dans l'arbre du service d'archives</source>
        <translation>Attachment in the archives service's tree</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importer un arbre…</source>
        <translation>Import a tree…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arbre de positionnement ou plan de classement : bordereau (zip) qui l'a créé, manifeste XML, export DIP (zip) ou tableau CSV de ReSIP.</source>
        <translation>Positioning tree or filing plan: the SIP (zip) that created it, an XML manifest, a DIP export (zip) or a ReSIP CSV table.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rechercher un intitulé, une cote, un identifiant…</source>
        <translation>Search a title, a call number, an identifier…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Rattachement actuel : « %1 » %2</source>
        <translation>Current attachment: “%1” %2</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Aucun arbre chargé : importez l'arbre ou le plan fourni par le service d'archives.</source>
        <translation>No tree loaded: import the tree or filing plan given by the archives service.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 nœuds — %2</source>
        <translation>%1 nodes — %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choisissez le nœud sous lequel ranger le versement.</source>
        <translation>Choose the node the transfer goes under.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ce nœud n'a ni identifiant système ni identifiant utilisable : le service d'archives ne pourra pas le retrouver. Choisissez un autre nœud ou demandez un export DIP de l'arbre.</source>
        <translation>This node has neither a system identifier nor a usable identifier: the archives service could not find it. Choose another node or ask for a DIP export of the tree.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Les unités de premier niveau seront rattachées %1.</source>
        <translation>The top-level units will be attached %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Importer un arbre de positionnement ou un plan de classement</source>
        <translation>Import a positioning tree or a filing plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arbres (*.zip *.xml *.csv);;Tous les fichiers (*)</source>
        <translation>Trees (*.zip *.xml *.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Arbre refusé</source>
        <translation>Tree refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce fichier ne peut pas servir d'arbre :</source>
        <translation>This file cannot be used as a tree:</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <location filename="../../ui/details.py" line="+68"/>
        <source>New keyword, then Enter</source>
        <translation>New keyword, then Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifier given by the producer</source>
        <translation>Identifier given by the producer</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+97"/>
        <source>Attach to the positioning tree…</source>
        <translation>Attach to the positioning tree…</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>Title too long to edit here (%1 characters).</source>
        <translation>Title too long to edit here (%1 characters).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Level</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start date</source>
        <translation>&amp;Start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End date</source>
        <translation>&amp;End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keywords</source>
        <translation>&amp;Keywords</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Originating identifiers</source>
        <translation>&amp;Originating identifiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made from</source>
        <translation>Made from</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Under “%1”, %2</source>
        <translation>Under “%1”, %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not attached: the archives service files it where its contract says.</source>
        <translation>Not attached: the archives service files it where its contract says.</translation>
    </message>
    <message>
        <source>e.g. 3 W 12</source>
        <translation>e.g. 3 W 12</translation>
    </message>
    <message>
        <source>The cote the archives service gives this unit (SEDA ArchivalAgencyArchiveUnitIdentifier), printed on the transfer slip. Several cotes: separate them with « ; ». Edit › Number the cotes… numbers a whole tree.</source>
        <translation>The cote the archives service gives this unit (SEDA ArchivalAgencyArchiveUnitIdentifier), printed on the transfer slip. Several cotes: separate them with “;”. Edit › Number the cotes… numbers a whole tree.</translation>
    </message>
    <message>
        <source>&amp;Cote</source>
        <translation>&amp;Cote</translation>
    </message>
</context>
<context>
    <name>VerificationController</name>
    <message>
        <location filename="../../ui/controllers/verification.py" line="37"/>
        <source>&amp;Verify the transfer</source>
        <translation>&amp;Verify the transfer</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="85"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="80"/>
        <source>Findings (%1)</source>
        <translation>Findings (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="40"/>
        <source>List what the archives service would refuse, before exporting</source>
        <translation>List what the archives service would refuse, before exporting</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="89"/>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="63"/>
        <source>Verification (%1)</source>
        <translation>Verification (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controllers/verification.py" line="68"/>
        <source>Verification: %n error(s).</source>
        <translation>
            <numerusform>Verification: %n error.</numerusform>
            <numerusform>Verification: %n errors.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controllers/verification.py" line="70"/>
        <source>Verification: nothing the archives service would refuse.</source>
        <translation>Verification: nothing the archives service would refuse.</translation>
    </message>
</context>
<context>
    <name>VerificationPanel</name>
    <message>
        <location filename="../../ui/findings_panel.py" line="+102"/>
        <location line="+21"/>
        <source>Verify again</source>
        <translation>Verify again</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verify the transfer</source>
        <translation>Verify the transfer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not verified yet: “Verify the transfer” lists what the archives service would refuse, before you export.</source>
        <translation>Not verified yet: “Verify the transfer” lists what the archives service would refuse, before you export.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Checked at %1: %n error(s) the archives service would refuse</source>
        <translation>
            <numerusform>Checked at %1: %n error the archives service would refuse</numerusform>
            <numerusform>Checked at %1: %n errors the archives service would refuse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Checked at %1: nothing refused, but %n warning(s) to read</source>
        <translation>
            <numerusform>Checked at %1: nothing refused, but %n warning to read</numerusform>
            <numerusform>Checked at %1: nothing refused, but %n warnings to read</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked at %1: nothing the archives service would refuse.</source>
        <translation>Checked at %1: nothing the archives service would refuse.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, and %n warning(s)</source>
        <translation>
            <numerusform>, and %n warning</numerusform>
            <numerusform>, and %n warnings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(The transfer changed since: verify again.)</source>
        <translation>(The transfer changed since: verify again.)</translation>
    </message>
</context>
<context>
    <name>CsvImport</name>
    <message>
        <source>Table not imported</source>
        <translation>Table not imported</translation>
    </message>
</context>
<context>
    <name>MoreDescriptionForm</name>
    <message>
        <source>More description</source>
        <translation>More description</translation>
    </message>
    <message>
        <source>Position in the filing plan</source>
        <translation>Position in the filing plan</translation>
    </message>
    <message>
        <source>Writer's name, then Enter</source>
        <translation>Writer's name, then Enter</translation>
    </message>
    <message>
        <source>Addressee's name, then Enter</source>
        <translation>Addressee's name, then Enter</translation>
    </message>
    <message>
        <source>Recipient's name, then Enter</source>
        <translation>Recipient's name, then Enter</translation>
    </message>
    <message>
        <source>Sender's name, then Enter</source>
        <translation>Sender's name, then Enter</translation>
    </message>
    <message>
        <source>Language code, e.g. fr</source>
        <translation>Language code, e.g. fr</translation>
    </message>
    <message>
        <source>e.g. fr</source>
        <translation>e.g. fr</translation>
    </message>
    <message>
        <source>New tag, then Enter</source>
        <translation>New tag, then Enter</translation>
    </message>
    <message>
        <source>Who kept it, when</source>
        <translation>Who kept it, when</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Identifier in the archives' system</source>
        <translation>Identifier in the archives' system</translation>
    </message>
    <message>
        <source>Identifier in the producer's software</source>
        <translation>Identifier in the producer's software</translation>
    </message>
    <message>
        <source>Filing plan position</source>
        <translation>Filing plan position</translation>
    </message>
    <message>
        <source>Writers</source>
        <translation>Writers</translation>
    </message>
    <message>
        <source>Addressees</source>
        <translation>Addressees</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Senders</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Description language</source>
        <translation>Description language</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Custodial history</source>
        <translation>Custodial history</translation>
    </message>
    <message>
        <source>Places covered</source>
        <translation>Places covered</translation>
    </message>
    <message>
        <source>Periods covered</source>
        <translation>Periods covered</translation>
    </message>
    <message>
        <source>System identifiers</source>
        <translation>System identifiers</translation>
    </message>
    <message>
        <source>Producer's system identifiers</source>
        <translation>Producer's system identifiers</translation>
    </message>
    <message>
        <source>Transaction date</source>
        <translation>Transaction date</translation>
    </message>
    <message>
        <source>Acquisition date</source>
        <translation>Acquisition date</translation>
    </message>
</context>
<context>
    <name>CsvTableController</name>
    <message>
        <source>Table export cancelled: nothing was written.</source>
        <translation>Table export cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Import a spreads&amp;heet…</source>
        <translation>Import a spreads&amp;heet…</translation>
    </message>
    <message>
        <source>Add the units described in a ReSIP table (metadata or filing plan, CSV)</source>
        <translation>Add the units described in a ReSIP table (metadata or filing plan, CSV)</translation>
    </message>
    <message>
        <source>Export as a spreadsheet (&amp;CSV)…</source>
        <translation>Export as a spreadsheet (&amp;CSV)…</translation>
    </message>
    <message>
        <source>Write the transfer as a ReSIP metadata table, to complete in a spreadsheet</source>
        <translation>Write the transfer as a ReSIP metadata table, to complete in a spreadsheet</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt)</source>
        <translation>Tables (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Import the table “%1”</source>
        <translation>Import the table “%1”</translation>
    </message>
    <message numerus="yes">
        <source>Table imported: %n unit(s) added.</source>
        <translation>
            <numerusform>Table imported: %n unit added.</numerusform>
            <numerusform>Table imported: %n units added.</numerusform>
        </translation>
    </message>
    <message>
        <source>The table describes no unit: nothing was added.</source>
        <translation>The table describes no unit: nothing was added.</translation>
    </message>
    <message>
        <source>Table not imported</source>
        <translation>Table not imported</translation>
    </message>
    <message>
        <source>The table “%1” could not be imported:</source>
        <translation>The table “%1” could not be imported:</translation>
    </message>
    <message>
        <source>Export as a spreadsheet</source>
        <translation>Export as a spreadsheet</translation>
    </message>
    <message>
        <source>Tables (*.csv)</source>
        <translation>Tables (*.csv)</translation>
    </message>
    <message>
        <source>The table could not be written:</source>
        <translation>The table could not be written:</translation>
    </message>
    <message numerus="yes">
        <source>Table written: %n row(s).</source>
        <translation>
            <numerusform>Table written: %n row.</numerusform>
            <numerusform>Table written: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) read from a SIP have no path on disk: their rows name no file.</source>
        <translation>
            <numerusform>%n file read from a SIP has no path on disk: its row names no file.</numerusform>
            <numerusform>%n files read from a SIP have no path on disk: their rows name no file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileGuideController</name>
    <message>
        <source>Archive profile</source>
        <translation>Archive profile</translation>
    </message>
</context>
<context>
    <name>BordereauController</name>
    <message>
        <source>Transfer &amp;slip…</source>
        <translation>Transfer &amp;slip…</translation>
    </message>
    <message>
        <source>The transfer slip to print and sign (PDF or HTML)</source>
        <translation>The transfer slip to print and sign (PDF or HTML)</translation>
    </message>
    <message>
        <source>%1 already exists (perhaps already signed). Replace it?</source>
        <translation>%1 already exists (perhaps already signed). Replace it?</translation>
    </message>
    <message>
        <source>Transfer slip</source>
        <translation>Transfer slip</translation>
    </message>
    <message>
        <source>Transfer slip cancelled: nothing was written.</source>
        <translation>Transfer slip cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Transfer slip written: %1</source>
        <translation>Transfer slip written: %1</translation>
    </message>
    <message>
        <source>The transfer slip was written:
%1

Print it and have it signed.</source>
        <translation>The transfer slip was written:
%1

Print it and have it signed.</translation>
    </message>
    <message>
        <source>Open the slip</source>
        <translation>Open the slip</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Transfer slip not written</source>
        <translation>Transfer slip not written</translation>
    </message>
    <message>
        <source>The transfer slip was not written; nothing was left behind.</source>
        <translation>The transfer slip was not written; nothing was left behind.</translation>
    </message>
</context>
<context>
    <name>BordereauDialog</name>
    <message>
        <source>Transfer slip</source>
        <translation>Transfer slip</translation>
    </message>
    <message>
        <source>The transfer slip (bordereau de versement) lists what is transferred, to print and sign by both services. It states the verification's verdict (the Verification tab's).</source>
        <translation>The transfer slip (bordereau de versement) lists what is transferred, to print and sign by both services. It states the verification's verdict (the Verification tab's).</translation>
    </message>
    <message>
        <source>PDF, to print and sign</source>
        <translation>PDF, to print and sign</translation>
    </message>
    <message>
        <source>HTML, to open in a browser</source>
        <translation>HTML, to open in a browser</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Add the list of every file (annex)</source>
        <translation>Add the list of every file (annex)</translation>
    </message>
    <message>
        <source>every level</source>
        <translation>every level</translation>
    </message>
    <message>
        <source>0: the top units only; deeper units are summed up on the row of the unit above them</source>
        <translation>0: the top units only; deeper units are summed up on the row of the unit above them</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Units listed down to level</source>
        <translation>Units listed down to level</translation>
    </message>
    <message>
        <source>Make the slip</source>
        <translation>Make the slip</translation>
    </message>
    <message>
        <source>The slip's format is chosen by the name's extension: .pdf (to print and sign) or .html (to open in a browser).</source>
        <translation>The slip's format is chosen by the name's extension: .pdf (to print and sign) or .html (to open in a browser).</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <source>Save the transfer slip as</source>
        <translation>Save the transfer slip as</translation>
    </message>
</context>
<context>
    <name>CoteNumberingDialog</name>
    <message>
        <source>Number the cotes</source>
        <translation>Number the cotes</translation>
    </message>
    <message>
        <source>The selected units and their contents</source>
        <translation>The selected units and their contents</translation>
    </message>
    <message>
        <source>Only their contents (under their cote)</source>
        <translation>Only their contents (under their cote)</translation>
    </message>
    <message>
        <source>The whole package</source>
        <translation>The whole package</translation>
    </message>
    <message>
        <source>Archives service's cote</source>
        <translation>Archives service's cote</translation>
    </message>
    <message>
        <source>Producer's cote</source>
        <translation>Producer's cote</translation>
    </message>
    <message>
        <source>Archives service: ArchivalAgencyArchiveUnitIdentifier (the usual cote). Producer: OriginatingAgencyArchiveUnitIdentifier.</source>
        <translation>Archives service: ArchivalAgencyArchiveUnitIdentifier (the usual cote). Producer: OriginatingAgencyArchiveUnitIdentifier.</translation>
    </message>
    <message>
        <source>e.g. 3 W</source>
        <translation>e.g. 3 W</translation>
    </message>
    <message>
        <source>Put before every number; after a letter or a digit a space is added.</source>
        <translation>Put before every number; after a letter or a digit a space is added.</translation>
    </message>
    <message>
        <source>Between the levels: 3 W 1/2</source>
        <translation>Between the levels: 3 W 1/2</translation>
    </message>
    <message>
        <source>Number each level (1, 1/1, 1/2, 2…)</source>
        <translation>Number each level (1, 1/1, 1/2, 2…)</translation>
    </message>
    <message>
        <source>Unticked: one continuous sequence in the tree's order (1, 2, 3…).</source>
        <translation>Unticked: one continuous sequence in the tree's order (1, 2, 3…).</translation>
    </message>
    <message>
        <source>3 digits: 001, 002… (zeros in front)</source>
        <translation>3 digits: 001, 002… (zeros in front)</translation>
    </message>
    <message>
        <source>Also number the units that are only a file</source>
        <translation>Also number the units that are only a file</translation>
    </message>
    <message>
        <source>Unticked, only dossiers and articles get a cote: a file alone is described by the dossier that holds it.</source>
        <translation>Unticked, only dossiers and articles get a cote: a file alone is described by the dossier that holds it.</translation>
    </message>
    <message>
        <source>Replace the cotes already given</source>
        <translation>Replace the cotes already given</translation>
    </message>
    <message>
        <source>Unticked, a unit that has a cote keeps it, and its contents are numbered under it.</source>
        <translation>Unticked, a unit that has a cote keeps it, and its contents are numbered under it.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Units:</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Prefix:</source>
        <translation>Prefix:</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Separator:</translation>
    </message>
    <message>
        <source>First number:</source>
        <translation>First number:</translation>
    </message>
    <message>
        <source>Digits at least:</source>
        <translation>Digits at least:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <source>(kept)</source>
        <translation>(kept)</translation>
    </message>
    <message>
        <source>No unit to number.</source>
        <translation>No unit to number.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) will get a cote.</source>
        <translation>
            <numerusform>%n unit will get a cote.</numerusform>
            <numerusform>%n units will get a cote.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) keep theirs.</source>
        <translation>
            <numerusform>%n unit keeps its own.</numerusform>
            <numerusform>%n units keep theirs.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 (no zeros in front)</source>
        <translation>1 (no zeros in front)</translation>
    </message>
</context>
</TS>